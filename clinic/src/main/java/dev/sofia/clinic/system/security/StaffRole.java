package dev.sofia.clinic.system.security;

import java.util.Locale;

/** What a staff user may do: {@code ADMIN} everything, {@code STAFF} the daily work. */
enum StaffRole {
    ADMIN,
    STAFF;

    /** The value in {@code staff_users.role}. */
    String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    static StaffRole ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
