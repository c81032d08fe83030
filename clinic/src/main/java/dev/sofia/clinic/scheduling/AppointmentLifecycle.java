package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import java.util.function.UnaryOperator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Status changes of existing appointments: confirm, cancel, complete, no-show. */
@Service
public class AppointmentLifecycle {

    private final Appointments appointments;
    private final ApplicationEventPublisher events;

    AppointmentLifecycle(Appointments appointments, ApplicationEventPublisher events) {
        this.appointments = appointments;
        this.events = events;
    }

    @Transactional
    public Appointment confirm(AppointmentId id) {
        return change(id, Appointment::confirm);
    }

    /** Cancels; the slot becomes free at once. */
    @Transactional
    public Appointment cancel(AppointmentId id, String reason) {
        if (reason != null && reason.length() > 500) {
            throw new InvalidInputException("reason", "must be at most 500 characters");
        }
        Appointment cancelled = change(id, a -> a.cancel(reason));
        events.publishEvent(new AppointmentCancelled(
                cancelled.id(), cancelled.patientId(), cancelled.start(), cancelled.cancellationReason()));
        return cancelled;
    }

    @Transactional
    public Appointment complete(AppointmentId id) {
        return change(id, Appointment::complete);
    }

    @Transactional
    public Appointment markNoShow(AppointmentId id) {
        return change(id, Appointment::markNoShow);
    }

    private Appointment change(AppointmentId id, UnaryOperator<Appointment> transition) {
        Appointment current = appointments.find(id).orElseThrow(() -> new NotFoundException("appointment", id));
        Appointment changed = transition.apply(current);
        appointments.updateStatus(changed, current.status());
        return changed;
    }
}
