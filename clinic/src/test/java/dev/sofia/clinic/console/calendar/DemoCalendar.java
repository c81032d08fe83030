package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.Appointments;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo practice (Europe/Berlin) that DemoSeed made, as the calendar tests use it: the Monday
 * they book on, and what they look up.
 */
final class DemoCalendar {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Monday 23 November 2026, the day the calendar tests book on. */
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private DemoCalendar() {}

    /** The id DemoSeed gives the row of this kind ("doctor", "type" …) and key. */
    static UUID demoId(String kind, String key) {
        return UUID.nameUUIDFromBytes(("sofia-demo:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The appointments on {@code day} (Berlin time) that are still active. */
    static List<Appointment> activeOn(Appointments appointments, LocalDate day) {
        return appointments
                .between(
                        day.atStartOfDay(BERLIN).toInstant(),
                        day.plusDays(1).atStartOfDay(BERLIN).toInstant(),
                        null,
                        null)
                .stream()
                .filter(Appointment::isActive)
                .toList();
    }

    /** The id of the one patient with this first name. */
    static UUID patientId(JdbcClient jdbc, String firstName) {
        return jdbc.sql("select id from patients where first_name = ?")
                .param(firstName)
                .query(UUID.class)
                .single();
    }
}
