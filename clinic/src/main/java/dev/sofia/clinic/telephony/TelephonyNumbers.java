package dev.sofia.clinic.telephony;

import dev.sofia.clinic.system.ConflictException;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.PhoneNumbers;
import dev.sofia.clinic.system.UnknownReferenceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The practice's phone numbers: E.164, unique, each on one connection. */
@Service
public class TelephonyNumbers {

    private final JdbcClient jdbc;
    private final TelephonyConnections connections;

    TelephonyNumbers(JdbcClient jdbc, TelephonyConnections connections) {
        this.jdbc = jdbc;
        this.connections = connections;
    }

    /** What staff enter for a number. */
    public record NumberRequest(
            @Nullable UUID connectionId,
            @Nullable String number,
            @Nullable String label) {}

    public List<PhoneNumberEntry> list() {
        return jdbc.sql("select * from phone_numbers order by number")
                .query(TelephonyNumbers::entry)
                .list();
    }

    public Optional<PhoneNumberEntry> find(UUID id) {
        return jdbc.sql("select * from phone_numbers where id = ?")
                .param(id)
                .query(TelephonyNumbers::entry)
                .optional();
    }

    @Transactional
    public PhoneNumberEntry create(NumberRequest request) {
        UUID id = UUID.randomUUID();
        PhoneNumberEntry entry = validate(id, request);
        try {
            jdbc.sql("insert into phone_numbers (id, connection_id, number, label) values (?, ?, ?, ?)")
                    .params(id, entry.connectionId(), entry.number(), entry.label())
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        return find(id).orElseThrow();
    }

    @Transactional
    public PhoneNumberEntry update(UUID id, NumberRequest request) {
        if (find(id).isEmpty()) {
            throw new NotFoundException("phone number", id);
        }
        PhoneNumberEntry entry = validate(id, request);
        try {
            jdbc.sql("""
                            update phone_numbers set connection_id = ?, number = ?, label = ?, updated_at = now()
                            where id = ?
                            """)
                    .params(entry.connectionId(), entry.number(), entry.label(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        return find(id).orElseThrow();
    }

    /** Deletes a number that no route uses any more. */
    @Transactional
    public void delete(UUID id) {
        if (find(id).isEmpty()) {
            throw new NotFoundException("phone number", id);
        }
        boolean routed = jdbc.sql("select exists (select 1 from call_routes where phone_number_id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
        if (routed) {
            throw new ConflictException(
                    "still-referenced", "Still in use", "The number still has a call route; delete the route first");
        }
        jdbc.sql("delete from phone_numbers where id = ?").param(id).update();
    }

    private PhoneNumberEntry validate(UUID id, NumberRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        String number = e164(r.number(), "number", problems);
        String label = r.label() == null ? "" : r.label().strip();
        if (label.length() > 100) {
            problems.add(new FieldProblem("label", "must be at most 100 characters"));
        }
        if (r.connectionId() == null) {
            problems.add(new FieldProblem("connectionId", "is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!connections.exists(r.connectionId())) {
            throw new UnknownReferenceException("connectionId", "telephony connection");
        }
        boolean taken = jdbc.sql("select exists (select 1 from phone_numbers where number = ? and id <> ?)")
                .params(number, id)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw duplicate();
        }
        return new PhoneNumberEntry(id, r.connectionId(), number, label, null);
    }

    /**
     * A strict E.164 number ({@code +} and country code; spaces, dashes and brackets are dropped)
     * that libphonenumber considers valid, or a problem for {@code field}.
     */
    static @Nullable String e164(@Nullable String raw, String field, List<FieldProblem> problems) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        String text = raw.strip();
        if (!text.startsWith("+") || !text.matches("\\+[0-9 ()./-]{6,30}")) {
            problems.add(new FieldProblem(field, "must be an E.164 number with country code, like +4930123456"));
            return null;
        }
        Optional<String> e164 = PhoneNumbers.toE164(text, "ZZ");
        if (e164.isEmpty()) {
            problems.add(new FieldProblem(field, "is not a valid phone number"));
            return null;
        }
        return e164.get();
    }

    private static ConflictException duplicate() {
        return new ConflictException(
                "duplicate-number", "Number already configured", "This number is already configured");
    }

    private static PhoneNumberEntry entry(ResultSet rs, int row) throws SQLException {
        return new PhoneNumberEntry(
                rs.getObject("id", UUID.class),
                rs.getObject("connection_id", UUID.class),
                rs.getString("number"),
                rs.getString("label"),
                rs.getString("livekit_inbound_trunk_id"));
    }
}
