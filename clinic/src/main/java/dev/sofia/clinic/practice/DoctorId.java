package dev.sofia.clinic.practice;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a dentist or hygienist. */
public record DoctorId(UUID value) {
    public DoctorId {
        Objects.requireNonNull(value, "value");
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
