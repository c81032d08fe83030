package dev.sofia.clinic.practice;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies an appointment type. */
public record AppointmentTypeId(UUID value) {
    public AppointmentTypeId {
        Objects.requireNonNull(value, "value");
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
