package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.practice.DoctorId;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the calendar page showed when an action started there: the view (day or week) and the
 * doctor filter. Pages of an action carry it along as {@code calView} and {@code calDoctor}, so
 * that afterwards the user is back on the same kind of page, at the affected day.
 */
record CalendarState(boolean week, DoctorId doctor) {

    static final CalendarState DEFAULT = new CalendarState(false, null);

    /** From the parameters a page received; anything unreadable means the default. */
    static CalendarState of(String view, String doctor) {
        return new CalendarState(
                "week".equals(view), Params.uuid(doctor).map(DoctorId::new).orElse(null));
    }

    String view() {
        return week ? "week" : "day";
    }

    /** The calendar page at {@code date}, this view and filter. */
    String calendar(LocalDate date) {
        return calendar(date, doctor);
    }

    /** The calendar page at {@code date} showing {@code doctorFilter} (null: all doctors). */
    String calendar(LocalDate date, DoctorId doctorFilter) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/console/calendar");
        if (date != null) {
            uri.queryParam("date", date);
        }
        if (doctorFilter != null) {
            uri.queryParam("doctor", doctorFilter.value());
        }
        if (week) {
            uri.queryParam("view", "week");
        }
        return uri.build().toUriString();
    }

    /**
     * Where to go after an action on an appointment of {@code appointmentDoctor} at {@code date}:
     * this view, and the doctor filter switched to that doctor if it showed another one.
     */
    String after(LocalDate date, DoctorId appointmentDoctor) {
        DoctorId filter = doctor == null || doctor.equals(appointmentDoctor) ? doctor : appointmentDoctor;
        return calendar(date, week && filter == null ? appointmentDoctor : filter);
    }

    /** Appends this state as {@code calView}/{@code calDoctor} to a link of an action page. */
    UriComponentsBuilder carry(UriComponentsBuilder uri) {
        if (week) {
            uri.queryParam("calView", "week");
        }
        if (doctor != null) {
            uri.queryParam("calDoctor", doctor.value());
        }
        return uri;
    }

    String link(String path) {
        return carry(UriComponentsBuilder.fromPath(path)).build().toUriString();
    }

    UUID doctorValue() {
        return doctor == null ? null : doctor.value();
    }
}
