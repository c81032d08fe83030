package dev.sofia.clinic.scheduling;

import java.util.Locale;
import java.util.Set;

/**
 * Where an appointment is in its life. Cancelled, completed and no-show are final; a booked
 * appointment may be confirmed first or not at all.
 */
public enum AppointmentStatus {
    BOOKED,
    CONFIRMED,
    CANCELLED,
    COMPLETED,
    NO_SHOW;

    boolean canBecome(AppointmentStatus next) {
        return switch (this) {
            case BOOKED -> Set.of(CONFIRMED, CANCELLED, COMPLETED, NO_SHOW).contains(next);
            case CONFIRMED -> Set.of(CANCELLED, COMPLETED, NO_SHOW).contains(next);
            case CANCELLED, COMPLETED, NO_SHOW -> false;
        };
    }

    String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static AppointmentStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
