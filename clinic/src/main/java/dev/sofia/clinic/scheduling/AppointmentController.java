package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Booking, reading and changing appointments over HTTP. */
@RestController
@RequestMapping("/api/appointments")
@Tag(name = "Scheduling")
class AppointmentController {

    private final Booking booking;
    private final AppointmentLifecycle lifecycle;
    private final Appointments appointments;
    private final PracticeCatalog catalog;

    AppointmentController(
            Booking booking, AppointmentLifecycle lifecycle, Appointments appointments, PracticeCatalog catalog) {
        this.booking = booking;
        this.lifecycle = lifecycle;
        this.appointments = appointments;
        this.catalog = catalog;
    }

    @PostMapping
    @Operation(summary = "Book an appointment; an Idempotency-Key makes a retry return the same appointment")
    ResponseEntity<AppointmentView> book(
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Valid @RequestBody BookBody body) {
        BookingRequest request = new BookingRequest(
                new PatientId(body.patientId()),
                new AppointmentTypeId(body.typeId()),
                body.doctorId() == null ? null : new DoctorId(body.doctorId()),
                body.start().toInstant(),
                source(body.source()),
                body.callSessionId(),
                body.notes(),
                body.holdId() == null ? null : new HoldId(body.holdId()));
        Booking.Booked booked = booking.book(request, idempotencyKey);
        var response = ResponseEntity.created(
                URI.create("/api/appointments/" + booked.appointment().id()));
        if (booked.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(view(booked.appointment()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One appointment")
    AppointmentView get(@PathVariable UUID id) {
        return view(
                appointments.find(new AppointmentId(id)).orElseThrow(() -> new NotFoundException("appointment", id)));
    }

    @GetMapping
    @Operation(summary = "Appointments starting between two practice-local dates (inclusive)")
    List<AppointmentView> list(
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) UUID doctorId,
            @RequestParam(required = false) UUID patientId) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "must not be before from");
        }
        if (to.isAfter(from.plusDays(Availability.MAX_RANGE_DAYS))) {
            throw new InvalidInputException(
                    "to", "the range may span at most " + Availability.MAX_RANGE_DAYS + " days");
        }
        ZoneId zone = zone();
        return appointments
                .between(
                        from.atStartOfDay(zone).toInstant(),
                        to.plusDays(1).atStartOfDay(zone).toInstant(),
                        doctorId == null ? null : new DoctorId(doctorId),
                        patientId == null ? null : new PatientId(patientId))
                .stream()
                .map(a -> AppointmentView.of(a, zone))
                .toList();
    }

    @PostMapping("/{id}/reschedule")
    @Operation(summary = "Move an appointment: the old one is cancelled, a new one booked, in one transaction")
    ResponseEntity<AppointmentView> reschedule(@PathVariable UUID id, @Valid @RequestBody RescheduleBody body) {
        Appointment moved = booking.reschedule(
                new AppointmentId(id),
                body.start().toInstant(),
                body.doctorId() == null ? null : new DoctorId(body.doctorId()),
                body.source() == null ? null : source(body.source()));
        return ResponseEntity.created(URI.create("/api/appointments/" + moved.id()))
                .body(view(moved));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel an appointment; its time becomes free")
    AppointmentView cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) CancelBody body) {
        return view(lifecycle.cancel(new AppointmentId(id), body == null ? null : body.reason()));
    }

    @PostMapping("/{id}/confirm")
    @Operation(summary = "Confirm a booked appointment")
    AppointmentView confirm(@PathVariable UUID id) {
        return view(lifecycle.confirm(new AppointmentId(id)));
    }

    @PostMapping("/{id}/complete")
    @Operation(summary = "Mark an appointment as completed")
    AppointmentView complete(@PathVariable UUID id) {
        return view(lifecycle.complete(new AppointmentId(id)));
    }

    @PostMapping("/{id}/no-show")
    @Operation(summary = "Mark that the patient did not come")
    AppointmentView noShow(@PathVariable UUID id) {
        return view(lifecycle.markNoShow(new AppointmentId(id)));
    }

    private AppointmentView view(Appointment a) {
        return AppointmentView.of(a, zone());
    }

    private ZoneId zone() {
        return catalog.practice().timeZone();
    }

    static BookingSource source(String value) {
        if (value == null) {
            return BookingSource.STAFF;
        }
        try {
            return BookingSource.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("source", "must be phone, web or staff");
        }
    }

    record BookBody(
            @NotNull UUID patientId,
            @NotNull UUID typeId,
            UUID doctorId,
            @NotNull OffsetDateTime start,
            @Size(max = 10) String source,
            UUID callSessionId,
            @Size(max = 2000) String notes,
            UUID holdId) {}

    record RescheduleBody(
            @NotNull OffsetDateTime start,
            UUID doctorId,
            @Size(max = 10) String source) {}

    record CancelBody(@Size(max = 500) String reason) {}
}
