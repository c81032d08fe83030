package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.Appointments;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the calendar tests look up in the demo practice (Europe/Berlin) that DemoSeed made. */
final class DemoCalendar {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

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
