package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Free slots over HTTP. */
@RestController
@Tag(name = "Scheduling")
class AvailabilityController {

    static final int DEFAULT_DAYS = 14;

    private final Availability availability;
    private final PracticeCatalog catalog;
    private final Clock clock;

    AvailabilityController(Availability availability, PracticeCatalog catalog, Clock clock) {
        this.availability = availability;
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping("/api/availability")
    @Operation(summary = "Free slots for an appointment type, earliest first (dates are practice-local, inclusive)")
    AvailabilityView availability(
            @RequestParam UUID typeId,
            @RequestParam(required = false) UUID doctorId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String partOfDay,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit) {
        ZoneId zone = catalog.practice().timeZone();
        LocalDate start = from != null ? from : LocalDate.now(clock.withZone(zone));
        LocalDate end = to != null ? to : start.plusDays(DEFAULT_DAYS - 1);
        SlotQuery query = new SlotQuery(
                new AppointmentTypeId(typeId),
                doctorId == null ? null : new DoctorId(doctorId),
                start,
                end,
                partOfDay(partOfDay),
                limit);
        List<SlotView> slots = availability.findSlots(query).stream()
                .map(slot -> SlotView.of(slot, zone))
                .toList();
        return new AvailabilityView(typeId, zone.getId(), start, end, slots);
    }

    private static PartOfDay partOfDay(String value) {
        if (value == null) {
            return null;
        }
        try {
            return PartOfDay.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("partOfDay", "must be morning, afternoon or evening");
        }
    }

    record AvailabilityView(UUID typeId, String timeZone, LocalDate from, LocalDate to, List<SlotView> slots) {}
}
