package dev.sofia.clinic.demo;

import java.nio.charset.StandardCharsets;
import java.sql.Time;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo practice once: when the practice row exists, nothing happens, so seeding twice
 * changes nothing. Ids derive from names, so the demo looks the same on every machine.
 */
@Component
@ConditionalOnBooleanProperty(name = "sofia.demo-seed")
public class DemoSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    public DemoSeed(JdbcClient jdbc, Clock clock, @Value("${sofia.time-zone}") ZoneId zone) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed();
    }

    /** Returns true when it seeded, false when the practice was already there. */
    @Transactional
    public boolean seed() {
        // Serializes concurrent start-ups of several app instances against one database.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('sofia-demo-seed', 0))")
                .query((rs, n) -> 1)
                .list();
        if (jdbc.sql("select count(*) from practice").query(Integer.class).single() > 0) {
            return false;
        }
        practice();
        for (DemoData.DoctorRow d : DemoData.DOCTORS) {
            jdbc.sql("insert into doctors (id, display_name, role) values (?, ?, ?)")
                    .params(id("doctor", d.key()), d.name(), d.role())
                    .update();
            for (DemoData.ShiftRow s : d.shifts()) {
                UUID shift = id("shift", d.key() + s.day() + s.starts());
                jdbc.sql("insert into shifts (id, doctor_id, day_of_week, starts, ends) values (?, ?, ?, ?, ?)")
                        .params(shift, id("doctor", d.key()), s.day().getValue(), time(s.starts()), time(s.ends()))
                        .update();
                if (s.breakStarts() != null) {
                    jdbc.sql("insert into shift_breaks (id, shift_id, starts, ends) values (?, ?, ?, ?)")
                            .params(id("break", d.key() + s.day()), shift, time(s.breakStarts()), time(s.breakEnds()))
                            .update();
                }
            }
        }
        for (String chair : DemoData.CHAIRS) {
            jdbc.sql("insert into chairs (id, name) values (?, ?)")
                    .params(id("chair", chair), chair)
                    .update();
        }
        for (DemoData.TypeRow t : DemoData.TYPES) {
            jdbc.sql("""
                            insert into appointment_types (id, code, name_de, name_en, name_ru, duration_minutes,
                                buffer_minutes, new_patients_allowed, emergency, min_notice_minutes, horizon_days)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            id("type", t.code()),
                            t.code(),
                            t.de(),
                            t.en(),
                            t.ru(),
                            t.minutes(),
                            t.buffer(),
                            t.newPatients(),
                            t.emergency(),
                            t.noticeMinutes(),
                            t.horizonDays())
                    .update();
            for (String doctor : t.doctors()) {
                jdbc.sql("insert into appointment_type_doctors (type_id, doctor_id) values (?, ?)")
                        .params(id("type", t.code()), id("doctor", doctor))
                        .update();
            }
            for (String chair : t.chairs()) {
                jdbc.sql("insert into appointment_type_chairs (type_id, chair_id) values (?, ?)")
                        .params(id("type", t.code()), id("chair", chair))
                        .update();
            }
        }
        for (DemoData.PatientRow p : DemoData.PATIENTS) {
            jdbc.sql("""
                            insert into patients (id, first_name, last_name, date_of_birth, phone, email,
                                preferred_language, insurance, consent_sms)
                            values (?, ?, ?, ?, ?, ?, ?, ?, true)
                            """)
                    .params(
                            id("patient", p.phone()),
                            p.first(),
                            p.last(),
                            p.born(),
                            p.phone(),
                            p.email(),
                            p.language(),
                            p.insurance())
                    .update();
        }
        for (DemoData.TextRow t : DemoData.TEXTS) {
            jdbc.sql("insert into receptionist_texts (topic, language, text) values (?, ?, ?)")
                    .params(t.topic(), t.language(), t.text())
                    .update();
        }
        int booked = appointmentsForTheWeek();
        log.info(
                "Seeded the demo practice: {} doctors, {} types, {} patients, {} appointments",
                DemoData.DOCTORS.size(),
                DemoData.TYPES.size(),
                DemoData.PATIENTS.size(),
                booked);
        return true;
    }

    private void practice() {
        jdbc.sql("""
                        insert into practice (id, name, street, postal_code, city, country, phone, time_zone,
                                              languages, transfer_main, transfer_emergency)
                        values (1, 'Zahnarztpraxis Dr. Weber & Kollegen', 'Friedrichstraße 123', '10117', 'Berlin',
                                'DE', '+4930901820', 'Europe/Berlin', '{de,en,ru}', '+4930901820', '+4930901829')
                        """).update();
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY)) {
            openingHours(day, "08:00", "18:00");
        }
        openingHours(DayOfWeek.FRIDAY, "08:00", "14:00");
    }

    private void openingHours(DayOfWeek day, String opens, String closes) {
        jdbc.sql("insert into opening_hours (day_of_week, opens, closes) values (?, ?, ?)")
                .params(day.getValue(), time(opens), time(closes))
                .update();
    }

    /** Three appointments a day per dentist over the coming week, on fixed times inside their shifts. */
    private int appointmentsForTheWeek() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int count = 0;
        for (int day = 0; day < 7; day++) {
            LocalDate date = today.plusDays(day);
            if (date.getDayOfWeek().getValue() > 4) {
                continue;
            }
            for (int d = 0; d < DemoData.APPOINTMENT_PLAN.size(); d++) {
                DemoData.PlanRow plan = DemoData.APPOINTMENT_PLAN.get(d);
                DemoData.PatientRow patient = DemoData.PATIENTS.get((day * 3 + d) % DemoData.PATIENTS.size());
                OffsetDateTime start =
                        date.atTime(LocalTime.parse(plan.at())).atZone(zone).toOffsetDateTime();
                DemoData.TypeRow type = DemoData.type(plan.type());
                OffsetDateTime end = start.plusMinutes(type.minutes());
                jdbc.sql("""
                                insert into appointments (id, patient_id, doctor_id, type_id, starts_at, ends_at,
                                    blocked_until, status, source)
                                values (?, ?, ?, ?, ?, ?, ?, ?, 'staff')
                                """)
                        .params(
                                id("appointment", plan.doctor() + date + plan.at()),
                                id("patient", patient.phone()),
                                id("doctor", plan.doctor()),
                                id("type", type.code()),
                                start.withOffsetSameInstant(ZoneOffset.UTC),
                                end.withOffsetSameInstant(ZoneOffset.UTC),
                                end.plusMinutes(type.buffer()).withOffsetSameInstant(ZoneOffset.UTC),
                                day == 0 ? "confirmed" : "booked")
                        .update();
                count++;
            }
        }
        return count;
    }

    /** Stable ids, so the demo practice is the same everywhere (handy in docs and tests). */
    static UUID id(String kind, String key) {
        return UUID.nameUUIDFromBytes(("sofia-demo:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static Time time(String hhmm) {
        return Time.valueOf(LocalTime.parse(hhmm));
    }
}
