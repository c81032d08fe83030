package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.ChairId;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Working hours over HTTP: weekly shifts, date overrides and blockouts. */
@RestController
@RequestMapping("/api")
@Tag(name = "Schedules")
class ScheduleController {

    private final Schedules schedules;
    private final PracticeCatalog catalog;

    ScheduleController(Schedules schedules, PracticeCatalog catalog) {
        this.schedules = schedules;
        this.catalog = catalog;
    }

    @GetMapping("/doctors/{id}/shifts")
    @Operation(summary = "A doctor's weekly shifts with breaks")
    List<Schedules.Shift> shifts(@PathVariable UUID id) {
        return schedules.shifts(new DoctorId(id));
    }

    @PutMapping("/doctors/{id}/shifts")
    @Operation(summary = "Replace a doctor's weekly shifts")
    List<Schedules.Shift> replaceShifts(
            @PathVariable UUID id, @RequestBody @NotNull @Size(max = 50) List<@Valid ShiftBody> body) {
        schedules.replaceShifts(
                new DoctorId(id), body.stream().map(ShiftBody::toShift).toList());
        return schedules.shifts(new DoctorId(id));
    }

    @GetMapping("/doctors/{id}/overrides")
    @Operation(summary = "A doctor's date overrides (vacations, extra days)")
    List<Schedules.Override> overrides(@PathVariable UUID id) {
        return schedules.overrides(new DoctorId(id));
    }

    @PostMapping("/doctors/{id}/overrides")
    @Operation(summary = "Add a day off or other hours on some dates")
    ResponseEntity<Schedules.Override> addOverride(@PathVariable UUID id, @Valid @RequestBody OverrideBody body) {
        Schedules.Override created = schedules.addOverride(
                new DoctorId(id),
                new Schedules.Override(
                        null,
                        body.firstDay(),
                        body.lastDay(),
                        body.available(),
                        body.starts(),
                        body.ends(),
                        body.note()));
        return ResponseEntity.created(URI.create("/api/overrides/" + created.id()))
                .body(created);
    }

    @DeleteMapping("/overrides/{id}")
    @Operation(summary = "Remove a date override")
    ResponseEntity<Void> removeOverride(@PathVariable UUID id) {
        schedules.removeOverride(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/blockouts")
    @Operation(summary = "Blockouts overlapping two practice-local dates (inclusive)")
    List<BlockoutView> blockouts(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        ZoneId zone = catalog.practice().timeZone();
        return schedules
                .blockouts(
                        from.atStartOfDay(zone).toInstant(),
                        to.plusDays(1).atStartOfDay(zone).toInstant())
                .stream()
                .map(b -> BlockoutView.of(b, zone))
                .toList();
    }

    @PostMapping("/blockouts")
    @Operation(summary = "Block time for a doctor, a chair, or (neither given) the whole practice")
    ResponseEntity<BlockoutView> addBlockout(@Valid @RequestBody BlockoutBody body) {
        Schedules.Blockout created = schedules.addBlockout(new Schedules.Blockout(
                null,
                body.doctorId() == null ? null : new DoctorId(body.doctorId()),
                body.chairId() == null ? null : new ChairId(body.chairId()),
                body.start().toInstant(),
                body.end().toInstant(),
                body.reason()));
        return ResponseEntity.created(URI.create("/api/blockouts/" + created.id()))
                .body(BlockoutView.of(created, catalog.practice().timeZone()));
    }

    @DeleteMapping("/blockouts/{id}")
    @Operation(summary = "Remove a blockout")
    ResponseEntity<Void> removeBlockout(@PathVariable UUID id) {
        schedules.removeBlockout(id);
        return ResponseEntity.noContent().build();
    }

    record SpanBody(@NotNull LocalTime starts, @NotNull LocalTime ends) {}

    record ShiftBody(
            @NotNull DayOfWeek day,
            @NotNull LocalTime starts,
            @NotNull LocalTime ends,
            LocalDate validFrom,
            LocalDate validUntil,
            @Size(max = 10) List<@Valid @NotNull SpanBody> breaks) {

        Schedules.Shift toShift() {
            List<Schedules.Span> spans = breaks == null
                    ? List.of()
                    : breaks.stream()
                            .map(b -> new Schedules.Span(b.starts(), b.ends()))
                            .toList();
            return new Schedules.Shift(day, starts, ends, validFrom, validUntil, spans);
        }
    }

    record OverrideBody(
            @NotNull LocalDate firstDay,
            @NotNull LocalDate lastDay,
            boolean available,
            LocalTime starts,
            LocalTime ends,
            @Size(max = 200) String note) {}

    record BlockoutBody(
            UUID doctorId,
            UUID chairId,
            @NotNull OffsetDateTime start,
            @NotNull OffsetDateTime end,
            @Size(max = 200) String reason) {}

    record BlockoutView(UUID id, UUID doctorId, UUID chairId, OffsetDateTime start, OffsetDateTime end, String reason) {
        static BlockoutView of(Schedules.Blockout b, ZoneId zone) {
            return new BlockoutView(
                    b.id(),
                    b.doctorId() == null ? null : b.doctorId().value(),
                    b.chairId() == null ? null : b.chairId().value(),
                    b.start().atZone(zone).toOffsetDateTime(),
                    b.end().atZone(zone).toOffsetDateTime(),
                    b.reason());
        }
    }
}
