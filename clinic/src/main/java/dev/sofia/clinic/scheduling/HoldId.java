package dev.sofia.clinic.scheduling;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import java.util.UUID;

/** Identifies a slot hold. */
public record HoldId(UUID value) {
    public HoldId {
        Objects.requireNonNull(value, "value");
    }

    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }
}
