package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.system.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header: a client-chosen key (1–200 printable ASCII characters) and a
 * fingerprint of the request it was first used with, so a reuse for a different booking is refused.
 */
final class IdempotencyKeys {

    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,200}");

    private IdempotencyKeys() {}

    static void check(String key) {
        if (key != null && !VALID.matcher(key).matches()) {
            throw new InvalidInputException("Idempotency-Key", "must be 1 to 200 printable ASCII characters");
        }
    }

    static String hash(BookingRequest r) {
        String canonical = String.join(
                "|",
                Objects.toString(r.patientId()),
                Objects.toString(r.typeId()),
                Objects.toString(r.doctorId()),
                Objects.toString(r.start()),
                Objects.toString(r.source()),
                Objects.toString(r.callSessionId()),
                Objects.toString(r.notes()),
                Objects.toString(r.holdId()));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
