package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.system.ConflictException;
import dev.sofia.clinic.system.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a failed booking into what the client should hear: a start outside notice or horizon is a
 * bad field (400), a taken or closed slot is 409 with the next free alternatives.
 */
@Component
class Conflicts {

    static final int ALTERNATIVES = 3;
    static final int ALTERNATIVE_SEARCH_DAYS = 14;

    private final Availability availability;
    private final java.time.Clock clock;

    Conflicts(Availability availability, java.time.Clock clock) {
        this.availability = availability;
        this.clock = clock;
    }

    private Instant now() {
        return clock.instant();
    }

    RuntimeException translate(
            RuntimeException e, Practice practice, AppointmentType type, DoctorId doctor, Instant start) {
        SlotFinder.Refusal refusal;
        if (e instanceof SlotUnavailableException unavailable) {
            refusal = unavailable.refusal();
        } else if (SqlStates.retryable(e)) {
            refusal = SlotFinder.Refusal.TAKEN;
        } else {
            return e;
        }
        return switch (refusal) {
            case TOO_SOON ->
                new InvalidInputException(
                        "start",
                        !start.isAfter(now())
                                ? "is in the past"
                                : "is too soon: this type needs "
                                        + type.minimumNotice().toMinutes() + " minutes notice");
            case BEYOND_HORIZON ->
                new InvalidInputException(
                        "start", "is beyond the booking horizon of " + type.horizonDays() + " days for this type");
            case OUTSIDE_WORKING_HOURS, TAKEN, NO_CHAIR ->
                new ConflictException(
                        "slot-unavailable",
                        "Slot not available",
                        describe(refusal),
                        Map.of(
                                "reason",
                                refusal.name().toLowerCase(java.util.Locale.ROOT),
                                "alternatives",
                                alternatives(practice, type, doctor, start)));
        };
    }

    private List<SlotView> alternatives(Practice practice, AppointmentType type, DoctorId doctor, Instant start) {
        LocalDate from = LocalDate.ofInstant(start, practice.timeZone());
        SlotQuery query =
                new SlotQuery(type.id(), doctor, from, from.plusDays(ALTERNATIVE_SEARCH_DAYS), null, ALTERNATIVES);
        return availability.findSlots(query).stream()
                .map(slot -> SlotView.of(slot, practice.timeZone()))
                .toList();
    }

    private static String describe(SlotFinder.Refusal refusal) {
        return switch (refusal) {
            case TAKEN -> "The requested time is already taken";
            case NO_CHAIR -> "No treatment room is free at the requested time";
            default -> "The requested time is outside the doctor's working hours";
        };
    }
}
