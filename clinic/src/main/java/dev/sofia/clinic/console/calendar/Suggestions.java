package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.scheduling.Availability;
import dev.sofia.clinic.scheduling.SlotQuery;
import dev.sofia.clinic.scheduling.SlotView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Free times to offer on the booking and move forms, from the same availability search the API
 * ({@code GET /api/availability}) and Sofia use. Each becomes a button that fills doctor, date and
 * time in; booking is still a separate step.
 */
@Component
class Suggestions {

    /** Days searched from the chosen date on. */
    static final int DAYS = 14;

    static final int LIMIT = 12;

    private final Availability availability;
    private final PracticeCatalog catalog;
    private final Clock clock;

    Suggestions(Availability availability, PracticeCatalog catalog, Clock clock) {
        this.availability = availability;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** A free time as a button shows it; {@code value} is "doctor-id|2026-11-23T09:15". */
    public record Choice(String value, String label, String day, String time, String doctor) {}

    /** Free slots of {@code type} from {@code from} (today if earlier or null), optionally one doctor's. */
    List<Choice> find(AppointmentType type, DoctorId doctor, LocalDate from, Texts texts) {
        ZoneId zone = catalog.practice().timeZone();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        LocalDate start = from == null || from.isBefore(today) ? today : from;
        List<SlotView> slots =
                availability
                        .findSlots(new SlotQuery(type.id(), doctor, start, start.plusDays(DAYS - 1), null, LIMIT))
                        .stream()
                        .map(slot -> SlotView.of(slot, zone))
                        .toList();
        return choices(slots, texts);
    }

    /** The free alternatives a refused booking or move brought back, as choices; null when none. */
    @Nullable
    List<Choice> alternatives(FormErrors errors, Texts texts) {
        return errors.alternatives().isEmpty() ? null : choices(errors.alternatives(), texts);
    }

    /** The slots as choices (also the alternatives a refused booking brings back). */
    List<Choice> choices(List<SlotView> slots, Texts texts) {
        Map<UUID, String> names =
                catalog.doctors().stream().collect(Collectors.toMap(d -> d.id().value(), Doctor::displayName));
        return slots.stream()
                .map(slot -> {
                    LocalDateTime local = slot.start().toLocalDateTime();
                    String doctor = names.getOrDefault(slot.doctorId(), "?");
                    String day = texts.shortDate(local.toLocalDate());
                    String time = Texts.time(local.toLocalTime());
                    return new Choice(
                            slot.doctorId() + "|" + local,
                            texts.get("calendar.form.suggestion", day, time, doctor),
                            day,
                            time,
                            doctor);
                })
                .toList();
    }

    /** A picked choice's doctor and local start, or empty when the value is not one. */
    static Optional<Picked> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        int bar = value.indexOf('|');
        if (bar < 0) {
            return Optional.empty();
        }
        Optional<UUID> doctor = Params.uuid(value.substring(0, bar));
        Optional<LocalDateTime> start = Params.dateTime(value.substring(bar + 1));
        if (doctor.isEmpty() || start.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Picked(new DoctorId(doctor.get()), start.get()));
    }

    record Picked(DoctorId doctor, LocalDateTime start) {}
}
