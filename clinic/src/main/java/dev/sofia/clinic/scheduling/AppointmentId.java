package dev.sofia.clinic.scheduling;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies an appointment. */
public record AppointmentId(UUID value) {
    public AppointmentId {
        Objects.requireNonNull(value, "value");
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
