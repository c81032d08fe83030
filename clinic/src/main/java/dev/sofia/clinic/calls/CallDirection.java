package dev.sofia.clinic.calls;

import java.util.Locale;

/** Who called whom: every call is inbound until Sofia places calls itself. */
public enum CallDirection {
    INBOUND,
    OUTBOUND;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CallDirection of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
