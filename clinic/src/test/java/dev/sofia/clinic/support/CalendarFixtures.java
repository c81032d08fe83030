package dev.sofia.clinic.support;

import dev.sofia.clinic.demo.DemoSeed;
import java.sql.Time;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Builds small calendars straight in the database: a practice in Europe/Berlin with a 15-minute
 * grid, doctors with weekly shifts, types, patients. {@link #reset()} empties every table.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CalendarFixtures {

    public static final String TABLES = "call_routes, phone_numbers, telephony_connections, transfer_targets,"
            + " appointments, slot_holds, blockouts, schedule_overrides, shift_breaks, shifts, appointment_type_chairs,"
            + " appointment_type_doctors, appointment_types, chairs, doctors, patients, opening_hours, practice,"
            + " receptionist_texts";

    private final JdbcClient jdbc;

    CalendarFixtures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** Empties every table and creates the practice. */
    public void reset() {
        empty();
        jdbc.sql("""
                        insert into practice (id, name, phone, time_zone, slot_interval_minutes)
                        values (1, 'Testpraxis', '+4930901820', 'Europe/Berlin', 15)
                        """).update();
    }

    /**
     * Empties every table, calls included, with no practice. Truncating patients cascades to
     * call_sessions (patient_id). A webhook from the test LiveKit server locks call_events before
     * call_sessions; truncating in that order too makes this wait for such a webhook instead of
     * deadlocking with it.
     */
    public void empty() {
        jdbc.sql("truncate call_events, call_messages, call_sessions, " + TABLES + " cascade")
                .update();
    }

    /**
     * Empties every table and seeds the demo practice (Europe/Berlin) as the app does on first
     * start, its appointments placed around {@code clock}'s now.
     */
    public void demoPractice(Clock clock) {
        empty();
        new DemoSeed(jdbc, clock, ZoneId.of("Europe/Berlin")).seed();
    }

    public UUID doctor(String name) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into doctors (id, display_name, role) values (?, ?, 'dentist')")
                .params(id, name)
                .update();
        return id;
    }

    /** A weekly shift; returns its id so breaks can be added. */
    public UUID shift(UUID doctor, DayOfWeek day, String starts, String ends) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into shifts (id, doctor_id, day_of_week, starts, ends) values (?, ?, ?, ?, ?)")
                .params(id, doctor, day.getValue(), time(starts), time(ends))
                .update();
        return id;
    }

    /** The same shift on every day of the week. */
    public void everyDay(UUID doctor, String starts, String ends) {
        for (DayOfWeek day : DayOfWeek.values()) {
            shift(doctor, day, starts, ends);
        }
    }

    public void shiftBreak(UUID shift, String starts, String ends) {
        jdbc.sql("insert into shift_breaks (id, shift_id, starts, ends) values (?, ?, ?, ?)")
                .params(UUID.randomUUID(), shift, time(starts), time(ends))
                .update();
    }

    /** A type with no notice, a 90-day horizon, new patients welcome, performed by {@code doctors}. */
    public UUID type(String code, int minutes, int bufferMinutes, UUID... doctors) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into appointment_types (id, code, name_de, name_en, name_ru, duration_minutes,
                            buffer_minutes, min_notice_minutes, horizon_days)
                        values (?, ?, ?, ?, ?, ?, ?, 0, 90)
                        """).params(id, code, code, code, code, minutes, bufferMinutes).update();
        for (UUID doctor : doctors) {
            jdbc.sql("insert into appointment_type_doctors (type_id, doctor_id) values (?, ?)")
                    .params(id, doctor)
                    .update();
        }
        return id;
    }

    public UUID patient(String lastName) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into patients (id, first_name, last_name, date_of_birth) values (?, 'Test', ?, '1980-01-01')")
                .params(id, lastName)
                .update();
        return id;
    }

    public int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private static Time time(String hhmm) {
        return Time.valueOf(LocalTime.parse(hhmm));
    }
}
