package dev.sofia.clinic.system.security;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code staff_users}. The hash stays out of {@link #toString()}. */
record StaffUser(
        UUID id,
        String email,
        String displayName,
        String passwordHash,
        StaffRole role,
        boolean active,
        Instant createdAt,
        @Nullable Instant lastLoginAt) {

    @Override
    public String toString() {
        return "StaffUser[" + id + ", " + email + ", " + role.column() + (active ? "" : ", inactive") + "]";
    }
}
