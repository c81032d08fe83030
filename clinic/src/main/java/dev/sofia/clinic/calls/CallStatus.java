package dev.sofia.clinic.calls;

import java.util.Locale;

/** Where a call is; the order of the constants is the only order a session moves in. */
public enum CallStatus {
    /** The room exists, the caller has not joined (yet). */
    RINGING,
    /** The caller is in the room. */
    ACTIVE,
    /** The caller was there and the call is over. */
    ENDED,
    /** The room closed without a caller ever joining. */
    FAILED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean terminal() {
        return this == ENDED || this == FAILED;
    }

    static CallStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
