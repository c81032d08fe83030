package dev.sofia.clinic.scheduling;

import java.util.Locale;

/** Who made the booking: a phone call, the web widget, or staff in the console. */
public enum BookingSource {
    PHONE,
    WEB,
    STAFF;

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
