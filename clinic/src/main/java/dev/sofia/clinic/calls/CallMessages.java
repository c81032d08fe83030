package dev.sofia.clinic.calls;

import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.PhoneNumbers;
import dev.sofia.clinic.system.UnknownReferenceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages Sofia leaves for staff (callback requests and handovers) and staff working through them.
 * Input is checked whole before anything is written, so bad input changes nothing and names every
 * field at fault.
 */
@Service
public class CallMessages {

    static final int MAX_REASON = 1000;
    static final int MAX_NAME = 100;
    static final int MAX_LIMIT = 200;
    static final Set<String> LANGUAGES = Set.of("de", "en", "ru");

    private final JdbcClient jdbc;
    private final Patients patients;
    private final PracticeCatalog catalog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CallMessages(
            JdbcClient jdbc,
            Patients patients,
            PracticeCatalog catalog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.patients = patients;
        this.catalog = catalog;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Leaves a message and publishes {@link CallMessageCreated}. The reason is trimmed and must keep
     * 1 to {@value #MAX_REASON} characters; the phone is read in the practice's country and stored
     * in E.164. Without a phone or language, the call's own (its caller's number, its language) are
     * used. A callback needs a number to
     * call (given, or from the call) or a known patient, whose number staff can look up.
     *
     * @throws InvalidInputException naming every field at fault; nothing is written
     * @throws UnknownReferenceException for a {@code callSessionId} or {@code patientId} that does
     *     not exist
     */
    @Transactional
    public CallMessage create(NewCallMessage message) {
        if (message == null) {
            throw new InvalidInputException("message", "is required");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (message.kind() == null) {
            problems.add(new FieldProblem("kind", "is required"));
        }
        String reason = CallText.clean(message.reason());
        if (reason == null || reason.length() > MAX_REASON) {
            problems.add(new FieldProblem("reason", "must be 1 to " + MAX_REASON + " characters"));
        }
        String callerName = CallText.clean(message.callerName());
        if (callerName != null && callerName.length() > MAX_NAME) {
            problems.add(new FieldProblem("callerName", "must be at most " + MAX_NAME + " characters"));
        }
        String language = CallText.clean(message.language());
        if (language != null && !LANGUAGES.contains(language)) {
            problems.add(new FieldProblem("language", "must be de, en or ru"));
        }
        String phone = null;
        String rawPhone = CallText.clean(message.phone());
        if (rawPhone != null) {
            phone = PhoneNumbers.toE164(rawPhone, PracticeRegion.of(catalog)).orElse(null);
            if (phone == null) {
                problems.add(new FieldProblem("phone", "is not a valid phone number"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (message.callSessionId() != null) {
            CallOrigin origin = origin(message.callSessionId());
            phone = phone == null ? origin.callerNumber() : phone;
            language = language == null ? origin.language() : language;
        }
        if (message.patientId() != null && !patients.exists(new PatientId(message.patientId()))) {
            throw new UnknownReferenceException("patientId", "patient");
        }
        if (message.kind() == CallMessage.Kind.CALLBACK && phone == null && message.patientId() == null) {
            throw new InvalidInputException(
                    "phone", "is required for a callback unless the call's number or the patient is known");
        }
        CallMessage created = new CallMessage(
                UUID.randomUUID(),
                message.callSessionId(),
                message.patientId(),
                message.kind(),
                callerName,
                phone,
                reason,
                language,
                CallMessage.Status.OPEN,
                clock.instant(),
                null,
                null);
        jdbc.sql("""
                        insert into call_messages (id, call_session_id, patient_id, kind, caller_name, phone, reason,
                                                   language, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)
                        """)
                .params(
                        created.id(),
                        created.callSessionId(),
                        created.patientId(),
                        created.kind().dbValue(),
                        created.callerName(),
                        created.phone(),
                        created.reason(),
                        created.language(),
                        CallSessions.utc(created.createdAt()))
                .update();
        events.publishEvent(new CallMessageCreated(created.id(), created.kind()));
        return find(created.id()).orElseThrow();
    }

    /**
     * Messages newest first, only those with {@code status} unless it is null.
     *
     * @param limit 1 to {@value #MAX_LIMIT}
     */
    public List<CallMessage> list(CallMessage.@Nullable Status status, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return jdbc.sql("""
                        select * from call_messages
                        where (cast(? as text) is null or status = ?)
                        order by created_at desc, id desc limit ?
                        """)
                .params(status == null ? null : status.dbValue(), status == null ? null : status.dbValue(), limit)
                .query(CallMessages::message)
                .list();
    }

    /** The messages about {@code patientId}, newest first, at most {@code limit}. */
    public List<CallMessage> ofPatient(UUID patientId, int limit) {
        return jdbc.sql("select * from call_messages where patient_id = ? order by created_at desc, id desc limit ?")
                .params(patientId, limit)
                .query(CallMessages::message)
                .list();
    }

    public Optional<CallMessage> find(UUID id) {
        return jdbc.sql("select * from call_messages where id = ?")
                .param(id)
                .query(CallMessages::message)
                .optional();
    }

    /**
     * Marks a message done by {@code doneBy} (trimmed, 1 to {@value #MAX_NAME} characters). A message
     * already done stays as it was, with its first time and name: marking twice is harmless.
     *
     * @throws NotFoundException for an unknown message
     */
    @Transactional
    public CallMessage markDone(UUID id, String doneBy) {
        String by = CallText.clean(doneBy);
        if (by == null || by.length() > MAX_NAME) {
            throw new InvalidInputException("doneBy", "must be 1 to " + MAX_NAME + " characters");
        }
        jdbc.sql("update call_messages set status = 'done', done_at = ?, done_by = ? where id = ? and status = 'open'")
                .params(CallSessions.utc(clock.instant()), by, id)
                .update();
        return find(id).orElseThrow(() -> new NotFoundException("message", id));
    }

    /** The call a message comes from, as far as the message can use it. */
    private record CallOrigin(
            @Nullable String callerNumber, @Nullable String language) {}

    private CallOrigin origin(UUID callSessionId) {
        return jdbc.sql("select caller_number, language from call_sessions where id = ?")
                .param(callSessionId)
                .query((rs, row) -> new CallOrigin(rs.getString("caller_number"), rs.getString("language")))
                .optional()
                .orElseThrow(() -> new UnknownReferenceException("callSessionId", "call"));
    }

    private static CallMessage message(ResultSet rs, int row) throws SQLException {
        return new CallMessage(
                rs.getObject("id", UUID.class),
                rs.getObject("call_session_id", UUID.class),
                rs.getObject("patient_id", UUID.class),
                CallMessage.Kind.fromDb(rs.getString("kind")),
                rs.getString("caller_name"),
                rs.getString("phone"),
                rs.getString("reason"),
                rs.getString("language"),
                CallMessage.Status.fromDb(rs.getString("status")),
                instant(rs, "created_at"),
                instant(rs, "done_at"),
                rs.getString("done_by"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
