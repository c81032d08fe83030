package dev.sofia.clinic.telephony;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * How LiveKit differs from the database right now, without changing anything.
 *
 * @param inSync true when LiveKit was reachable, nothing differs and every connection is synced
 * @param error why LiveKit could not be read, or null
 * @param connections each connection's sync status
 * @param drift each difference; the next sync repairs them
 */
public record DriftReport(
        boolean inSync,
        Instant checkedAt,
        @Nullable String error,
        List<ConnectionStatus> connections,
        List<Drift> drift) {

    /** A connection's sync status as stored after the last sync. */
    public record ConnectionStatus(
            UUID id,
            String name,
            String status,
            @Nullable Instant syncedAt,
            @Nullable String error) {}

    /**
     * One difference.
     *
     * @param object inbound-trunk, outbound-trunk or dispatch-rule
     * @param name the object's name ({@code sofia:…})
     * @param livekitId the object in LiveKit, null when it is missing there
     * @param field the field that differs; {@code exists} when the object is missing in LiveKit
     *     (expected true) or should not be there (expected false)
     * @param expected what the database says (passwords are never shown)
     * @param actual what LiveKit holds
     */
    public record Drift(
            String object, String name, @Nullable String livekitId, String field, Object expected, Object actual) {}
}
