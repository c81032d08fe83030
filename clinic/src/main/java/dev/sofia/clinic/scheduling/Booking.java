package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.UnknownReferenceException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Books and reschedules appointments. Each runs as one transaction; serialization failures and
 * deadlocks are retried a few times, an overlap caught by the database becomes 409 with free
 * alternatives, and a repeated {@code Idempotency-Key} returns the appointment booked the first time.
 */
@Service
public class Booking {

    static final int ATTEMPTS = 3;

    private final PracticeCatalog catalog;
    private final Patients patients;
    private final Availability availability;
    private final Appointments appointments;
    private final SlotGuard guard;
    private final Holds holds;
    private final Conflicts conflicts;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Booking(
            PracticeCatalog catalog,
            Patients patients,
            Availability availability,
            Appointments appointments,
            SlotGuard guard,
            Holds holds,
            Conflicts conflicts,
            TransactionTemplate tx,
            ApplicationEventPublisher events,
            Clock clock) {
        this.catalog = catalog;
        this.patients = patients;
        this.availability = availability;
        this.appointments = appointments;
        this.guard = guard;
        this.holds = holds;
        this.conflicts = conflicts;
        this.tx = tx;
        this.events = events;
        this.clock = clock;
    }

    /** The result of a booking: the appointment, and whether it was booked by an earlier identical request. */
    public record Booked(Appointment appointment, boolean replayed) {}

    public Booked book(BookingRequest request, String idempotencyKey) {
        IdempotencyKeys.check(idempotencyKey);
        String hash = IdempotencyKeys.hash(request);
        if (idempotencyKey != null) {
            Optional<Booked> earlier = replay(idempotencyKey, hash);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        Practice practice = catalog.practice();
        AppointmentType type = availability.bookableType(request.typeId());
        List<DoctorId> candidates = availability.doctorsFor(type, request.doctorId());
        if (!patients.exists(request.patientId())) {
            throw new UnknownReferenceException("patientId", "patient");
        }
        if (!type.newPatientsAllowed() && !appointments.hasHistory(request.patientId())) {
            throw new InvalidInputException("typeId", "this appointment type is only for existing patients");
        }
        checkNotes(request.notes());
        try {
            Appointment booked = retrying(() -> tx.execute(status -> {
                if (request.holdId() != null) {
                    holds.consume(request.holdId(), request.typeId(), request.start());
                }
                Slot slot = guard.claim(practice, type, candidates, request.start());
                Appointment appointment = newAppointment(request, slot, null);
                appointments.insert(appointment, idempotencyKey, hash);
                events.publishEvent(new AppointmentBooked(
                        appointment.id(),
                        appointment.patientId(),
                        appointment.doctorId(),
                        appointment.start(),
                        appointment.source(),
                        appointment.callSessionId()));
                return appointment;
            }));
            return new Booked(booked, false);
        } catch (RuntimeException e) {
            if (idempotencyKey != null && SqlStates.UNIQUE_VIOLATION.equals(SqlStates.of(e))) {
                // The same key won a race a moment ago: answer with what it booked.
                return replay(idempotencyKey, hash).orElseThrow(() -> e);
            }
            throw conflicts.translate(e, practice, type, request.doctorId(), request.start());
        }
    }

    /** Moves an active appointment to a new start (and optionally another doctor) in one transaction. */
    public Appointment reschedule(AppointmentId id, Instant newStart, DoctorId newDoctor, BookingSource source) {
        Appointment old = appointments.find(id).orElseThrow(() -> new NotFoundException("appointment", id));
        Practice practice = catalog.practice();
        AppointmentType type = availability.bookableType(old.typeId());
        List<DoctorId> candidates = availability.doctorsFor(type, newDoctor == null ? old.doctorId() : newDoctor);
        try {
            return retrying(() -> tx.execute(status -> {
                Appointment current = appointments.find(id).orElseThrow(() -> new NotFoundException("appointment", id));
                Appointment cancelled = current.cancel("rescheduled");
                appointments.updateStatus(cancelled, current.status());
                Slot slot = guard.claim(practice, type, candidates, newStart);
                BookingRequest request = new BookingRequest(
                        current.patientId(),
                        current.typeId(),
                        slot.doctorId(),
                        newStart,
                        source == null ? current.source() : source,
                        current.callSessionId(),
                        current.notes(),
                        null);
                Appointment moved = newAppointment(request, slot, current.id());
                appointments.insert(moved, null, null);
                events.publishEvent(
                        new AppointmentCancelled(current.id(), current.patientId(), current.start(), "rescheduled"));
                events.publishEvent(new AppointmentBooked(
                        moved.id(),
                        moved.patientId(),
                        moved.doctorId(),
                        moved.start(),
                        moved.source(),
                        moved.callSessionId()));
                events.publishEvent(new AppointmentRescheduled(current.id(), moved.id()));
                return moved;
            }));
        } catch (RuntimeException e) {
            throw conflicts.translate(e, practice, type, newDoctor, newStart);
        }
    }

    private Optional<Booked> replay(String key, String hash) {
        return appointments.findByIdempotencyKey(key).map(existing -> {
            if (!hash.equals(appointments.requestHash(existing.id()).orElse(""))) {
                throw new InvalidInputException("Idempotency-Key", "was already used for a different request");
            }
            return new Booked(existing, true);
        });
    }

    private Appointment newAppointment(BookingRequest r, Slot slot, AppointmentId rescheduledFrom) {
        Instant now = clock.instant();
        return new Appointment(
                new AppointmentId(UUID.randomUUID()),
                r.patientId(),
                slot.doctorId(),
                r.typeId(),
                slot.chairId(),
                slot.start(),
                slot.end(),
                slot.blockedUntil(),
                AppointmentStatus.BOOKED,
                r.source(),
                r.callSessionId(),
                r.notes() == null ? "" : r.notes(),
                null,
                rescheduledFrom,
                now,
                now);
    }

    private static void checkNotes(String notes) {
        if (notes != null && notes.length() > 2000) {
            throw new InvalidInputException("notes", "must be at most 2000 characters");
        }
    }

    /** Runs a transaction again after a serialization failure or deadlock, at most {@link #ATTEMPTS} times. */
    static <T> T retrying(Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !SqlStates.retryable(e)) {
                    throw e;
                }
            }
        }
    }
}
