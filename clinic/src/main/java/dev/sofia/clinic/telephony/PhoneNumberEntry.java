package dev.sofia.clinic.telephony;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A number the practice is called on, reached through one connection.
 *
 * @param number E.164
 * @param livekitTrunkId the LiveKit inbound trunk for this number, once synced
 */
public record PhoneNumberEntry(
        UUID id,
        UUID connectionId,
        String number,
        String label,
        @Nullable String livekitTrunkId) {}
