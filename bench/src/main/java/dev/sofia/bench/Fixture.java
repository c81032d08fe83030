package dev.sofia.bench;

import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.practice.DoctorId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The benchmark practice, written with plain SQL: 20 doctors working Monday to Friday 08:00–18:00
 * with a 12:30–13:30 break, one 30-minute type all of them perform, and 10,000 booked appointments
 * on the 30-minute grid over the 90 days from {@code firstDay}, picked from all free grid times by a
 * hash rather than a random generator, so the load is spread evenly over doctors and days.
 */
record Fixture(
        ZoneId zone,
        LocalDate firstDay,
        AppointmentTypeId typeId,
        List<DoctorId> doctors,
        List<PatientId> patients,
        int appointments,
        int capacity) {

    static final int DOCTORS = 20;
    static final int DAYS = 90;
    static final int APPOINTMENTS = 10_000;
    static final int PATIENTS = 64;
    static final String TIME_ZONE = "Europe/Berlin";
    /** Seeded appointments are made by staff; the benchmark books by phone, so it can delete its own. */
    static final String SEED_SOURCE = "staff";

    static Fixture create(JdbcClient jdbc, LocalDate firstDay) {
        jdbc.sql("""
                insert into practice (id, name, phone, time_zone, slot_interval_minutes)
                values (1, 'Benchmark practice', '+493012345678', ?, 15)
                """).param(TIME_ZONE).update();
        jdbc.sql("insert into opening_hours select d, time '08:00', time '18:00' from generate_series(1, 5) d")
                .update();
        jdbc.sql("""
                insert into doctors (id, display_name, role)
                select gen_random_uuid(), 'Doctor ' || lpad(n::text, 2, '0'), 'dentist' from generate_series(1, ?) n
                """).param(DOCTORS).update();
        jdbc.sql("""
                insert into shifts (id, doctor_id, day_of_week, starts, ends)
                select gen_random_uuid(), d.id, dow, time '08:00', time '18:00'
                from doctors d cross join generate_series(1, 5) dow
                """).update();
        jdbc.sql("""
                insert into shift_breaks (id, shift_id, starts, ends)
                select gen_random_uuid(), s.id, time '12:30', time '13:30' from shifts s
                """).update();
        UUID type = UUID.randomUUID();
        jdbc.sql("""
                insert into appointment_types (id, code, name_de, name_en, name_ru, duration_minutes,
                                               buffer_minutes, min_notice_minutes, horizon_days)
                values (?, 'bench-check', 'Kontrolle', 'Check-up', 'Осмотр', 30, 0, 0, 120)
                """).param(type).update();
        jdbc.sql("insert into appointment_type_doctors select ?, id from doctors")
                .param(type)
                .update();
        jdbc.sql("""
                insert into patients (id, first_name, last_name, date_of_birth)
                select gen_random_uuid(), 'Bench', 'Patient ' || lpad(n::text, 3, '0'), date '1970-01-01' + n * 200
                from generate_series(1, ?) n
                """).param(PATIENTS).update();

        // Every 30-minute start inside the shifts (18 a day), then the first 10,000 by a fixed hash.
        String grid = """
                select d.display_name, d.id as doctor_id,
                       (day + interval '8 hours' + k * interval '30 minutes') at time zone ? as starts_at
                from doctors d
                cross join generate_series(?::date::timestamp, ?::date::timestamp, interval '1 day') day
                cross join generate_series(0, 19) k
                where extract(isodow from day) <= 5 and k not in (9, 10)
                """;
        int capacity = jdbc.sql("select count(*) from (" + grid + ") g")
                .params(TIME_ZONE, firstDay, firstDay.plusDays(DAYS - 1))
                .query(Integer.class)
                .single();
        int inserted = jdbc.sql("""
                        with grid as (GRID),
                        chosen as (
                            select doctor_id, starts_at,
                                   row_number() over (order by md5(display_name || starts_at::text)) as n
                            from grid),
                        patient as (select id, row_number() over (order by last_name) - 1 as n from patients)
                        insert into appointments (id, patient_id, doctor_id, type_id, starts_at, ends_at,
                                                  blocked_until, status, source)
                        select gen_random_uuid(), p.id, c.doctor_id, ?, c.starts_at,
                               c.starts_at + interval '30 minutes', c.starts_at + interval '30 minutes',
                               'booked', ?
                        from chosen c join patient p on p.n = c.n % ?
                        where c.n <= ?
                        """.replace("GRID", grid))
                .params(TIME_ZONE, firstDay, firstDay.plusDays(DAYS - 1), type, SEED_SOURCE, PATIENTS, APPOINTMENTS)
                .update();
        jdbc.sql("vacuum analyze").update();

        List<DoctorId> doctors = jdbc.sql("select id from doctors order by display_name")
                .query((rs, n) -> new DoctorId(rs.getObject(1, UUID.class)))
                .list();
        List<PatientId> patients = jdbc.sql("select id from patients order by last_name")
                .query((rs, n) -> new PatientId(rs.getObject(1, UUID.class)))
                .list();
        return new Fixture(
                ZoneId.of(TIME_ZONE), firstDay, new AppointmentTypeId(type), doctors, patients, inserted, capacity);
    }

    LocalDate lastDay() {
        return firstDay.plusDays(DAYS - 1);
    }

    /** Deletes what the benchmark booked, so the next round finds the same free slots. */
    static void deleteBookings(JdbcClient jdbc) {
        jdbc.sql("delete from appointments where source <> ?")
                .param(SEED_SOURCE)
                .update();
    }
}
