package dev.sofia.clinic.receptionist.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.calls.CallSession;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database as a scenario's checks read it: appointments (times as "2026-11-24 09:30" in
 * Berlin), patients, the call session, the messages for staff and the transfers the call asked
 * for. Knows the seeded calendar from before the call, so "nothing else changed" can be checked.
 */
public final class CorpusDb {

    /** An appointment as checks compare it. */
    public record Appointment(
            UUID id,
            String patient,
            String type,
            String start,
            String doctor,
            String status,
            String source,
            @Nullable UUID callSessionId,
            @Nullable UUID rescheduledFrom) {}

    /** A message for staff. */
    public record Message(
            String kind,
            @Nullable String phone,
            String reason,
            @Nullable String callerName,
            @Nullable UUID patientId) {}

    private final JdbcClient jdbc;
    private final Supplier<CallSession> session;
    private final String source;
    private final List<Appointment> before;
    private final int patientsBefore;
    private final List<String> transfers;

    CorpusDb(JdbcClient jdbc, Supplier<CallSession> session, String source, List<String> transfers) {
        this.jdbc = jdbc;
        this.session = session;
        this.source = source;
        this.transfers = transfers;
        this.before = appointments();
        this.patientsBefore =
                jdbc.sql("select count(*) from patients").query(Integer.class).single();
    }

    /** phone or web: the source a booking by this call must have. */
    public String source() {
        return source;
    }

    public CallSession session() {
        return session.get();
    }

    public List<Appointment> appointments() {
        return jdbc.sql("""
                        select a.id, p.last_name, t.code,
                               to_char(a.starts_at at time zone 'Europe/Berlin', 'YYYY-MM-DD HH24:MI') as start,
                               d.display_name, a.status, a.source, a.call_session_id, a.rescheduled_from
                        from appointments a join patients p on p.id = a.patient_id
                          join appointment_types t on t.id = a.type_id join doctors d on d.id = a.doctor_id
                        order by a.starts_at, d.display_name
                        """)
                .query((rs, n) -> new Appointment(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8, UUID.class),
                        rs.getObject(9, UUID.class)))
                .list();
    }

    /** Appointments this call made (booked or moved to), of every patient. */
    public List<Appointment> madeByTheCall() {
        return appointments().stream().filter(a -> !a.source().equals("staff")).toList();
    }

    /** The seeded appointment of {@code patient} at {@code start}, as it was before the call. */
    public Appointment seeded(String patient, String start) {
        return before.stream()
                .filter(a -> a.patient().equals(patient) && a.start().equals(start))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the demo has no appointment of " + patient + " at " + start));
    }

    public Appointment now(UUID id) {
        return appointments().stream()
                .filter(a -> a.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    public @Nullable UUID patientId(String lastName) {
        return jdbc.sql("select id from patients where last_name = ?")
                .param(lastName)
                .query(UUID.class)
                .optional()
                .orElse(null);
    }

    public Map<String, Object> patient(String lastName) {
        return jdbc.sql("select * from patients where last_name = ?")
                .param(lastName)
                .query()
                .singleRow();
    }

    public List<Message> messages() {
        return jdbc.sql("select kind, phone, reason, caller_name, patient_id from call_messages order by created_at")
                .query((rs, n) -> new Message(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5, UUID.class)))
                .list();
    }

    public int slotHolds() {
        return jdbc.sql("select count(*) from slot_holds").query(Integer.class).single();
    }

    /** The lines the call was put through to (main, emergency): only successful transfers. */
    public List<String> transfers() {
        return List.copyOf(transfers);
    }

    /**
     * What the expectations do not name must not have happened: no other appointment made or
     * changed, no other patient registered, no other message left, no other transfer.
     */
    void nothingElse(List<Expect> expected) {
        long made = expected.stream()
                .filter(e -> e instanceof Expect.Booked || e instanceof Expect.Moved)
                .count();
        assertThat(madeByTheCall())
                .as("appointments made by the call (expected %d)", made)
                .hasSize((int) made);
        Set<String> touched = expected.stream()
                .map(e -> switch (e) {
                    case Expect.Moved m -> m.patient() + "@" + m.from();
                    case Expect.Cancelled c -> c.patient() + "@" + c.start();
                    default -> null;
                })
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        List<Appointment> seededNow =
                appointments().stream().filter(a -> a.source().equals("staff")).toList();
        List<Appointment> untouchedBefore = before.stream()
                .filter(a -> !touched.contains(a.patient() + "@" + a.start()))
                .toList();
        assertThat(seededNow.stream()
                        .filter(a -> !touched.contains(a.patient() + "@" + a.start()))
                        .toList())
                .as("the seeded appointments the call was not meant to change")
                .containsExactlyInAnyOrderElementsOf(untouchedBefore);
        long registered =
                expected.stream().filter(e -> e instanceof Expect.Registered).count();
        assertThat(jdbc.sql("select count(*) from patients")
                        .query(Integer.class)
                        .single())
                .as("patients (%d registered by the call)", registered)
                .isEqualTo(patientsBefore + (int) registered);
        if (expected.stream().anyMatch(e -> e instanceof Expect.NoCalendarChange)) {
            return; // messages and transfers are left open
        }
        long messages = expected.stream().filter(e -> e instanceof Expect.Left).count();
        assertThat(messages()).as("messages for staff").hasSize((int) messages);
        long transferred =
                expected.stream().filter(e -> e instanceof Expect.Transferred).count();
        assertThat(transfers).as("transfers").hasSize((int) transferred);
    }
}
