package dev.sofia.clinic.telephony;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A carrier SIP connection as the API shows it. Passwords are write-only: only whether one is
 * stored ({@code hasPassword}) is ever shown.
 *
 * @param carrier telnyx, novofon, twilio or generic
 * @param outbound null when Sofia does not call out through this connection
 */
public record TelephonyConnection(
        UUID id,
        String name,
        String carrier,
        Inbound inbound,
        @Nullable Outbound outbound,
        Sync sync,
        Instant createdAt,
        Instant updatedAt) {

    public static final List<String> CARRIERS = List.of("telnyx", "novofon", "twilio", "generic");

    public static final List<String> TRANSPORTS = List.of("udp", "tcp", "tls");

    /**
     * How the carrier's calls are recognised: from these addresses, with these digest credentials,
     * or both.
     */
    public record Inbound(
            List<String> allowedAddresses, @Nullable String username, boolean hasPassword) {}

    /**
     * Where LiveKit sends Sofia's outgoing calls.
     *
     * @param livekitTrunkId the LiveKit outbound trunk, once synced
     */
    public record Outbound(
            String address,
            String transport,
            @Nullable String username,
            boolean hasPassword,
            @Nullable String livekitTrunkId) {}

    /**
     * Whether LiveKit reflects this connection (its trunks and its numbers' dispatch rules).
     *
     * @param status {@code synced} or {@code pending} (not yet synced, or the last sync failed)
     * @param syncedAt the last successful sync
     * @param error why the last sync failed
     */
    public record Sync(
            String status,
            @Nullable Instant syncedAt,
            @Nullable String error) {}
}
