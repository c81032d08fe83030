package dev.sofia.clinic.calls;

import java.time.Instant;
import java.util.Locale;

/**
 * One line of a call's transcript.
 *
 * @param seq the line's place in the call, from 1, in the order the lines were appended
 * @param spokenAt when it was said, as the agent reports it
 */
public record TranscriptLine(int seq, Speaker speaker, String text, Instant spokenAt) {

    /** Who said it: the caller, Sofia, or a person from the practice who took the call over. */
    public enum Speaker {
        CALLER,
        AGENT,
        STAFF;

        /** The value in the database and the API: the name in lower case. */
        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Speaker fromDb(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
