package dev.sofia.clinic.practice;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reads the practice, its doctors, chairs and appointment types. */
@Service
public class PracticeCatalog {

    private final JdbcClient jdbc;

    PracticeCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The practice; the database always has it once the seed or the set-up has run. */
    public Practice practice() {
        return findPractice().orElseThrow(() -> new IllegalStateException("The practice is not set up yet"));
    }

    /** The practice's call limits; {@link CallLimits#DEFAULT} before the practice is set up. */
    public CallLimits callLimits() {
        return jdbc.sql("select max_call_minutes, max_concurrent_calls from practice where id = 1")
                .query((rs, n) -> CallLimits.of(rs.getInt(1), rs.getInt(2)))
                .optional()
                .orElse(CallLimits.DEFAULT);
    }

    public Optional<Practice> findPractice() {
        List<OpeningHours> hours = jdbc.sql(
                        "select day_of_week, opens, closes from opening_hours order by day_of_week, opens")
                .query((rs, n) -> new OpeningHours(
                        DayOfWeek.of(rs.getInt(1)),
                        rs.getTime(2).toLocalTime(),
                        rs.getTime(3).toLocalTime()))
                .list();
        return jdbc.sql("select * from practice where id = 1")
                .query((rs, n) -> new Practice(
                        rs.getString("name"),
                        new Practice.Address(
                                rs.getString("street"),
                                rs.getString("postal_code"),
                                rs.getString("city"),
                                rs.getString("country")),
                        rs.getString("phone"),
                        ZoneId.of(rs.getString("time_zone")),
                        strings(rs.getArray("languages")),
                        new Practice.TransferNumbers(rs.getString("transfer_main"), rs.getString("transfer_emergency")),
                        Duration.ofMinutes(rs.getInt("slot_interval_minutes")),
                        Duration.ofSeconds(rs.getInt("hold_ttl_seconds")),
                        CallLimits.of(rs.getInt("max_call_minutes"), rs.getInt("max_concurrent_calls")),
                        hours))
                .optional();
    }

    public List<Doctor> doctors() {
        return jdbc.sql("select id, display_name, role, active from doctors order by display_name")
                .query(PracticeCatalog::doctor)
                .list();
    }

    public Optional<Doctor> doctor(DoctorId id) {
        return jdbc.sql("select id, display_name, role, active from doctors where id = ?")
                .param(id.value())
                .query(PracticeCatalog::doctor)
                .optional();
    }

    public List<Chair> chairs() {
        return jdbc.sql("select id, name, active from chairs order by name")
                .query((rs, n) ->
                        new Chair(new ChairId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    public List<AppointmentType> appointmentTypes() {
        return jdbc.sql(TYPE_QUERY + " order by t.code")
                .query(PracticeCatalog::type)
                .list();
    }

    public Optional<AppointmentType> appointmentType(AppointmentTypeId id) {
        return jdbc.sql(TYPE_QUERY + " where t.id = ?")
                .param(id.value())
                .query(PracticeCatalog::type)
                .optional();
    }

    private static final String TYPE_QUERY = """
            select t.*,
                   array(select doctor_id from appointment_type_doctors d where d.type_id = t.id) as doctor_ids,
                   array(select chair_id from appointment_type_chairs c where c.type_id = t.id) as chair_ids
            from appointment_types t
            """;

    private static Doctor doctor(ResultSet rs, int row) throws SQLException {
        return new Doctor(
                new DoctorId(rs.getObject("id", UUID.class)),
                rs.getString("display_name"),
                Doctor.Role.valueOf(rs.getString("role").toUpperCase(java.util.Locale.ROOT)),
                rs.getBoolean("active"));
    }

    private static AppointmentType type(ResultSet rs, int row) throws SQLException {
        return new AppointmentType(
                new AppointmentTypeId(rs.getObject("id", UUID.class)),
                rs.getString("code"),
                new AppointmentType.LocalizedName(
                        rs.getString("name_de"), rs.getString("name_en"), rs.getString("name_ru")),
                Duration.ofMinutes(rs.getInt("duration_minutes")),
                Duration.ofMinutes(rs.getInt("buffer_minutes")),
                rs.getBoolean("new_patients_allowed"),
                rs.getBoolean("emergency"),
                Duration.ofMinutes(rs.getInt("min_notice_minutes")),
                rs.getInt("horizon_days"),
                uuids(rs.getArray("doctor_ids")).stream().map(DoctorId::new).collect(Collectors.toSet()),
                uuids(rs.getArray("chair_ids")).stream().map(ChairId::new).collect(Collectors.toSet()),
                rs.getBoolean("active"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    private static Set<UUID> uuids(Array array) throws SQLException {
        return Set.of((UUID[]) array.getArray());
    }
}
