package dev.sofia.clinic.telephony;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What one sync did.
 *
 * @param status {@code synced} when LiveKit now matches the database, else {@code pending}
 * @param changes every create, update, recreate and delete, in order; empty when nothing differed
 * @param failures objects LiveKit refused (the rest were still synced)
 * @param error why the sync could not run at all (LiveKit unreachable), or null
 */
public record SyncReport(
        String status,
        Instant startedAt,
        List<Change> changes,
        List<Failure> failures,
        @Nullable String error) {

    /**
     * One change made in LiveKit.
     *
     * @param action created, updated, recreated or deleted
     * @param object inbound-trunk, outbound-trunk or dispatch-rule
     * @param name the object's name in LiveKit ({@code sofia:…})
     * @param livekitId its id after the change (before it, for a delete)
     * @param fields for an update or recreate, the fields that differed
     */
    public record Change(
            String action,
            String object,
            String name,
            @Nullable String livekitId,
            List<String> fields) {}

    /** An object LiveKit refused to create, change or delete, and LiveKit's reason. */
    public record Failure(String object, String name, String error) {}
}
