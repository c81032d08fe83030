package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import java.sql.Time;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Calendar rows {@link CalendarFixtures} has no helper for (overrides, blockouts, chairs, existing
 * appointments, type and practice settings), written with plain SQL, plus reading slots back from
 * {@code /api/availability}. Times are ISO strings with an offset, as a client would send them.
 */
final class ScheduleRows {

    private final JdbcClient jdbc;

    ScheduleRows(CalendarFixtures fixtures) {
        this.jdbc = fixtures.jdbc();
    }

    void slotInterval(int minutes) {
        jdbc.sql("update practice set slot_interval_minutes = ?").param(minutes).update();
    }

    void notice(UUID type, int minutes) {
        jdbc.sql("update appointment_types set min_notice_minutes = ? where id = ?")
                .params(minutes, type)
                .update();
    }

    void horizon(UUID type, int days) {
        jdbc.sql("update appointment_types set horizon_days = ? where id = ?")
                .params(days, type)
                .update();
    }

    UUID override(UUID doctor, String firstDay, String lastDay, String starts, String ends) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into schedule_overrides (id, doctor_id, first_day, last_day, available, starts, ends)
                        values (?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        id,
                        doctor,
                        LocalDate.parse(firstDay),
                        LocalDate.parse(lastDay),
                        starts != null,
                        starts == null ? null : Time.valueOf(LocalTime.parse(starts)),
                        ends == null ? null : Time.valueOf(LocalTime.parse(ends)))
                .update();
        return id;
    }

    UUID dayOff(UUID doctor, String firstDay, String lastDay) {
        return override(doctor, firstDay, lastDay, null, null);
    }

    /** Blocked time for a doctor, a chair, or (both null) the whole practice. */
    void blockout(UUID doctor, UUID chair, String start, String end) {
        jdbc.sql("insert into blockouts (id, doctor_id, chair_id, starts_at, ends_at) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), doctor, chair, utc(start), utc(end))
                .update();
    }

    UUID chair(String name, UUID... types) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into chairs (id, name) values (?, ?)").params(id, name).update();
        for (UUID type : types) {
            jdbc.sql("insert into appointment_type_chairs (type_id, chair_id) values (?, ?)")
                    .params(type, id)
                    .update();
        }
        return id;
    }

    /** An appointment written straight into the table; {@code cancelled} gives it a reason. */
    void appointment(
            UUID patient, UUID doctor, UUID type, String start, String end, String blockedUntil, boolean cancelled) {
        jdbc.sql("""
                        insert into appointments (id, patient_id, doctor_id, type_id, starts_at, ends_at, blocked_until,
                                                  status, source, cancellation_reason)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'staff', ?)
                        """)
                .params(
                        UUID.randomUUID(),
                        patient,
                        doctor,
                        type,
                        utc(start),
                        utc(end),
                        utc(blockedUntil),
                        cancelled ? "cancelled" : "booked",
                        cancelled ? "test" : null)
                .update();
    }

    /** Slot starts from {@code /api/availability?<query>}, failing on any status but 200. */
    static List<String> starts(Api api, String query) {
        Api.Response response = api.get("/api/availability?" + query);
        if (response.status() != 200) {
            throw new AssertionError("GET /api/availability?" + query + " gave " + response.status() + ": "
                    + response.raw().body());
        }
        return Api.list(response.json().get("slots")).stream()
                .map(slot -> slot.get("start").asString())
                .toList();
    }

    static List<JsonNode> slots(Api api, String query) {
        return Api.list(api.get("/api/availability?" + query).json().get("slots"));
    }

    private static OffsetDateTime utc(String isoWithOffset) {
        return OffsetDateTime.parse(isoWithOffset).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
