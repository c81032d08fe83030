package dev.sofia.clinic.calls;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Something Sofia leaves for staff: call a patient back, or a call handed over to a person. Staff
 * work through the open ones and mark them done.
 *
 * @param phone the number to call back, E.164
 * @param reason what the caller wants, in a sentence or two for staff (not a transcript)
 * @param language the language to call back in: de, en or ru
 * @param doneBy who marked it done, as the staff member gave their name
 */
public record CallMessage(
        UUID id,
        @Nullable UUID callSessionId,
        @Nullable UUID patientId,
        Kind kind,
        @Nullable String callerName,
        @Nullable String phone,
        String reason,
        @Nullable String language,
        Status status,
        Instant createdAt,
        @Nullable Instant doneAt,
        @Nullable String doneBy) {

    public enum Kind {
        /** The caller asks to be called back. */
        CALLBACK,
        /** A call Sofia handed over (or tried to) to a person, who should follow it up. */
        HANDOVER;

        /** The value in the database and the API: the name in lower case. */
        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromDb(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    public enum Status {
        OPEN,
        DONE;

        /** The value in the database and the API: the name in lower case. */
        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status fromDb(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
