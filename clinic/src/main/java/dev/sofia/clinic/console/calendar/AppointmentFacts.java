package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.practice.Chair;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.AppointmentId;
import dev.sofia.clinic.scheduling.AppointmentStatus;
import dev.sofia.clinic.scheduling.Appointments;
import dev.sofia.clinic.system.NotFoundException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the pages of one appointment (its page, move, cancel) show about it, and the rules they
 * share: which appointment a path names, and which may still be changed.
 */
@Component
class AppointmentFacts {

    private final Appointments appointments;
    private final PracticeCatalog catalog;
    private final Patients patients;
    private final AppointmentBlocks blocks;

    AppointmentFacts(Appointments appointments, PracticeCatalog catalog, Patients patients, AppointmentBlocks blocks) {
        this.appointments = appointments;
        this.catalog = catalog;
        this.patients = patients;
        this.blocks = blocks;
    }

    /** What every page of one appointment shows about it. */
    void describe(Model model, Appointment a, CalendarState state, Texts texts) {
        ZoneId zone = zone();
        AppointmentBlocks.Block block = blocks.describe(a, texts, state);
        Patient patient = patients.find(a.patientId()).orElse(null);
        ZonedDateTime start = a.start().atZone(zone);
        model.addAttribute("appointment", block);
        model.addAttribute("status", a.status());
        model.addAttribute("patient", patient);
        model.addAttribute("patientBorn", patient == null ? null : texts.numericDate(patient.dateOfBirth()));
        model.addAttribute("longDate", texts.longDate(start.toLocalDate()));
        model.addAttribute(
                "chair",
                a.chairId() == null
                        ? null
                        : catalog.chairs().stream()
                                .filter(c -> c.id().equals(a.chairId()))
                                .map(Chair::name)
                                .findFirst()
                                .orElse(null));
        model.addAttribute("notes", a.notes());
        model.addAttribute("cancellationReason", block.reason());
        model.addAttribute(
                "rescheduledFrom",
                a.rescheduledFrom() == null
                        ? null
                        : state.link("/console/calendar/appointments/"
                                + a.rescheduledFrom().value()));
        model.addAttribute(
                "created",
                a.createdAt() == null
                        ? null
                        : texts.numericDate(a.createdAt().atZone(zone).toLocalDate()) + " "
                                + Texts.time(a.createdAt().atZone(zone).toLocalTime()));
        model.addAttribute("changeable", changeable(a));
        model.addAttribute("calendarLink", state.after(start.toLocalDate(), a.doctorId()));
        model.addAttribute("moveLink", state.link("/console/calendar/appointments/" + a.id().value() + "/move"));
        model.addAttribute("cancelLink", state.link("/console/calendar/appointments/" + a.id().value() + "/cancel"));
        model.addAttribute("detailLink", state.link("/console/calendar/appointments/" + a.id().value()));
        model.addAttribute("calView", state.week() ? "week" : null);
        model.addAttribute("calDoctor", state.doctorValue());
    }

    /** Only booked or confirmed appointments may still be moved or cancelled. */
    static boolean changeable(Appointment a) {
        return a.status() == AppointmentStatus.BOOKED || a.status() == AppointmentStatus.CONFIRMED;
    }

    /** The appointment a path names; an unreadable or unknown id is 404. */
    Appointment find(String id) {
        Optional<UUID> value = Params.uuid(id);
        return value.flatMap(v -> appointments.find(new AppointmentId(v)))
                .orElseThrow(() -> new NotFoundException("appointment", id));
    }

    ZoneId zone() {
        return catalog.practice().timeZone();
    }
}
