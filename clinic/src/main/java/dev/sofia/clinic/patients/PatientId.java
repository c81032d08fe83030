package dev.sofia.clinic.patients;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a patient. */
public record PatientId(UUID value) {
    public PatientId {
        Objects.requireNonNull(value, "value");
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
