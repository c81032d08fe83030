package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.practice.ChairId;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.system.ConflictException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The appointments table. Reads are public; writes happen only through {@link Booking}. */
@Repository
public class Appointments {

    private final JdbcClient jdbc;

    Appointments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Appointment> find(AppointmentId id) {
        return jdbc.sql("select * from appointments where id = ?")
                .param(id.value())
                .query(Appointments::appointment)
                .optional();
    }

    /** Appointments starting in {@code [from, to)}, optionally for one doctor or patient, by start. */
    public List<Appointment> between(Instant from, Instant to, DoctorId doctor, PatientId patient) {
        return jdbc.sql("""
                        select * from appointments
                        where starts_at >= ? and starts_at < ?
                          and (cast(? as uuid) is null or doctor_id = ?)
                          and (cast(? as uuid) is null or patient_id = ?)
                        order by starts_at, doctor_id
                        limit 5000
                        """)
                .params(
                        utc(from),
                        utc(to),
                        doctor == null ? null : doctor.value(),
                        doctor == null ? null : doctor.value(),
                        patient == null ? null : patient.value(),
                        patient == null ? null : patient.value())
                .query(Appointments::appointment)
                .list();
    }

    /** A patient's appointments that have not started yet and are not cancelled. */
    public List<Appointment> upcomingFor(PatientId patient, Instant now) {
        return jdbc.sql("""
                        select * from appointments
                        where patient_id = ? and starts_at >= ? and status in ('booked', 'confirmed')
                        order by starts_at
                        """)
                .params(patient.value(), utc(now))
                .query(Appointments::appointment)
                .list();
    }

    /** True when the patient has (or had) an appointment that was not cancelled: not new to the practice. */
    public boolean hasHistory(PatientId patient) {
        return jdbc.sql("select exists (select 1 from appointments where patient_id = ? and status <> 'cancelled')")
                .param(patient.value())
                .query(Boolean.class)
                .single();
    }

    Optional<Appointment> findByIdempotencyKey(String key) {
        return jdbc.sql("select * from appointments where idempotency_key = ?")
                .param(key)
                .query(Appointments::appointment)
                .optional();
    }

    Optional<String> requestHash(AppointmentId id) {
        return jdbc.sql("select request_hash from appointments where id = ?")
                .param(id.value())
                .query(String.class)
                .optional();
    }

    void insert(Appointment a, String idempotencyKey, String requestHash) {
        jdbc.sql("""
                        insert into appointments (id, patient_id, doctor_id, type_id, chair_id, starts_at, ends_at,
                            blocked_until, status, source, call_session_id, notes, idempotency_key, request_hash,
                            rescheduled_from)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(
                        a.id().value(),
                        a.patientId().value(),
                        a.doctorId().value(),
                        a.typeId().value(),
                        a.chairId() == null ? null : a.chairId().value(),
                        utc(a.start()),
                        utc(a.end()),
                        utc(a.blockedUntil()),
                        a.status().dbValue(),
                        a.source().dbValue(),
                        a.callSessionId(),
                        a.notes(),
                        idempotencyKey,
                        requestHash,
                        a.rescheduledFrom() == null ? null : a.rescheduledFrom().value())
                .update();
    }

    /**
     * Writes a status change. The expected old status guards against a concurrent change, which
     * answers 409 {@code concurrent-change}.
     */
    void updateStatus(Appointment changed, AppointmentStatus expected) {
        boolean written = jdbc.sql("""
                                update appointments set status = ?, cancellation_reason = ?, updated_at = now()
                                where id = ? and status = ?
                                """)
                        .params(
                                changed.status().dbValue(),
                                changed.cancellationReason(),
                                changed.id().value(),
                                expected.dbValue())
                        .update()
                == 1;
        if (!written) {
            throw new ConflictException(
                    "concurrent-change", "Changed meanwhile", "The appointment changed meanwhile; reload it");
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Appointment appointment(ResultSet rs, int row) throws SQLException {
        UUID chair = rs.getObject("chair_id", UUID.class);
        UUID from = rs.getObject("rescheduled_from", UUID.class);
        return new Appointment(
                new AppointmentId(rs.getObject("id", UUID.class)),
                new PatientId(rs.getObject("patient_id", UUID.class)),
                new DoctorId(rs.getObject("doctor_id", UUID.class)),
                new AppointmentTypeId(rs.getObject("type_id", UUID.class)),
                chair == null ? null : new ChairId(chair),
                instant(rs, "starts_at"),
                instant(rs, "ends_at"),
                instant(rs, "blocked_until"),
                AppointmentStatus.fromDb(rs.getString("status")),
                BookingSource.valueOf(rs.getString("source").toUpperCase(java.util.Locale.ROOT)),
                rs.getObject("call_session_id", UUID.class),
                rs.getString("notes"),
                rs.getString("cancellation_reason"),
                from == null ? null : new AppointmentId(from),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
