package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.AppointmentStatus;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Appointments as the calendar names them: time, type in the page's language, patient, source
 * and status, and the accessible name of a grid block ("09:00 Kontrolle, Max Mustermann (…)").
 */
@Component
class AppointmentBlocks {

    private final PracticeCatalog catalog;
    private final Patients patients;

    AppointmentBlocks(PracticeCatalog catalog, Patients patients) {
        this.catalog = catalog;
        this.patients = patients;
    }

    /** An appointment as a block, list entry or detail page shows it. */
    public record Block(
            UUID id,
            String start,
            String date,
            String time,
            String end,
            String patient,
            String type,
            String source,
            String sourceLabel,
            String status,
            String statusLabel,
            String doctor,
            String label,
            String href,
            String reason) {}

    /**
     * Names appointments for one page: types and patients are read once. {@code withDate} puts the
     * date into the accessible name (the week view, where a column is a day).
     */
    Namer namer(Texts texts, CalendarState state, boolean withDate) {
        Map<AppointmentTypeId, AppointmentType> types =
                catalog.appointmentTypes().stream().collect(Collectors.toMap(AppointmentType::id, Function.identity()));
        return new Namer(types, catalog.practice().timeZone(), texts, state, withDate);
    }

    /** One appointment, with its date, for its own page and for notices. */
    Block describe(Appointment a, Texts texts, CalendarState state) {
        return namer(texts, state, true).block(a, catalog.doctor(a.doctorId()).orElse(null));
    }

    /**
     * Where a change sends the user: back to the calendar at the appointment's day (and doctor, if
     * the view follows one), with {@code noticeKey}'s notice naming the appointment, and the block
     * highlighted if it is still in the grid.
     */
    ModelAndView backToCalendar(
            Appointment a,
            String noticeKey,
            boolean highlight,
            CalendarState state,
            ZoneId zone,
            Texts texts,
            RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", texts.get(noticeKey, summary(describe(a, texts, state), texts)));
        if (highlight) {
            redirect.addFlashAttribute("highlight", a.id().value().toString());
        }
        return Pages.seeOther(state.after(a.start().atZone(zone).toLocalDate(), a.doctorId()));
    }

    /** "Mo., 23.11. 09:00 Kontrolle, Max Mustermann (Dr. Anna Weber)": what a notice names. */
    static String summary(Block block, Texts texts) {
        return texts.get(
                "calendar.appointment.summary",
                block.date(),
                block.time(),
                block.type(),
                block.patient(),
                block.doctor());
    }

    final class Namer {
        private final Map<AppointmentTypeId, AppointmentType> types;
        private final Map<PatientId, Optional<Patient>> seen = new HashMap<>();
        private final ZoneId zone;
        private final Texts texts;
        private final CalendarState state;
        private final boolean withDate;

        private Namer(
                Map<AppointmentTypeId, AppointmentType> types,
                ZoneId zone,
                Texts texts,
                CalendarState state,
                boolean withDate) {
            this.types = types;
            this.zone = zone;
            this.texts = texts;
            this.state = state;
            this.withDate = withDate;
        }

        Block block(Appointment a, Doctor doctor) {
            ZonedDateTime start = a.start().atZone(zone);
            ZonedDateTime end = a.end().atZone(zone);
            String patient = seen.computeIfAbsent(a.patientId(), patients::find)
                    .map(p -> p.firstName() + " " + p.lastName())
                    .orElse("?");
            AppointmentType type = types.get(a.typeId());
            String typeName = type == null ? "?" : texts.type(type);
            String time = Texts.time(start.toLocalTime());
            String date = texts.shortDate(start.toLocalDate());
            String label = texts.get(
                    "calendar.appointment.label",
                    (withDate ? date + " " : "") + time,
                    typeName,
                    patient,
                    texts.source(a.source()),
                    texts.status(a.status()));
            return new Block(
                    a.id().value(),
                    start.toLocalDateTime().toString(),
                    date,
                    time,
                    Texts.time(end.toLocalTime()),
                    patient,
                    typeName,
                    Texts.key(a.source().name()),
                    texts.source(a.source()),
                    Texts.key(a.status().name()),
                    texts.status(a.status()),
                    doctor == null ? "?" : doctor.displayName(),
                    label,
                    state.link("/console/calendar/appointments/" + a.id().value()),
                    a.status() == AppointmentStatus.CANCELLED ? reason(a) : null);
        }

        private String reason(Appointment a) {
            String reason = a.cancellationReason();
            if (reason == null || reason.isBlank() || "cancelled".equals(reason)) {
                return null;
            }
            return "rescheduled".equals(reason) ? texts.get("calendar.rescheduled") : reason;
        }
    }
}
