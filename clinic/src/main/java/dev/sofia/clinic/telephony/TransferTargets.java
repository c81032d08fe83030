package dev.sofia.clinic.telephony;

import dev.sofia.clinic.system.ConflictException;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
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

/**
 * The numbers the practice allows calls to be transferred to: at most one {@code main}, at most
 * one {@code emergency}, any number of {@code other}. Call control transfers to nothing else.
 */
@Service
public class TransferTargets {

    static final List<String> KINDS = List.of("main", "emergency", "other");

    private final JdbcClient jdbc;

    TransferTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A transfer target; {@code number} is E.164. */
    public record TransferTarget(UUID id, String kind, String number, String label) {}

    public record TargetRequest(
            @Nullable String kind,
            @Nullable String number,
            @Nullable String label) {}

    public List<TransferTarget> list() {
        return jdbc.sql("select * from transfer_targets order by kind, label, id")
                .query(TransferTargets::target)
                .list();
    }

    public Optional<TransferTarget> find(UUID id) {
        return jdbc.sql("select * from transfer_targets where id = ?")
                .param(id)
                .query(TransferTargets::target)
                .optional();
    }

    /** The main or emergency target, if configured. */
    public Optional<TransferTarget> ofKind(String kind) {
        return jdbc.sql("select * from transfer_targets where kind = ? order by created_at limit 1")
                .param(kind)
                .query(TransferTargets::target)
                .optional();
    }

    @Transactional
    public TransferTarget create(TargetRequest request) {
        TransferTarget target = validate(UUID.randomUUID(), request);
        try {
            jdbc.sql("insert into transfer_targets (id, kind, number, label) values (?, ?, ?, ?)")
                    .params(target.id(), target.kind(), target.number(), target.label())
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate(target.kind());
        }
        return target;
    }

    @Transactional
    public TransferTarget update(UUID id, TargetRequest request) {
        if (find(id).isEmpty()) {
            throw new NotFoundException("transfer target", id);
        }
        TransferTarget target = validate(id, request);
        try {
            jdbc.sql("update transfer_targets set kind = ?, number = ?, label = ?, updated_at = now() where id = ?")
                    .params(target.kind(), target.number(), target.label(), id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate(target.kind());
        }
        return target;
    }

    @Transactional
    public void delete(UUID id) {
        if (jdbc.sql("delete from transfer_targets where id = ?").param(id).update() == 0) {
            throw new NotFoundException("transfer target", id);
        }
    }

    private TransferTarget validate(UUID id, TargetRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        String kind = r.kind() == null ? null : r.kind().strip();
        if (kind == null || kind.isEmpty()) {
            problems.add(new FieldProblem("kind", "is required"));
        } else if (!KINDS.contains(kind)) {
            problems.add(new FieldProblem("kind", "must be main, emergency or other"));
        }
        String number = TelephonyNumbers.e164(r.number(), "number", problems);
        String label = r.label() == null ? "" : r.label().strip();
        if (label.length() > 100) {
            problems.add(new FieldProblem("label", "must be at most 100 characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!kind.equals("other")) {
            boolean taken = jdbc.sql("select exists (select 1 from transfer_targets where kind = ? and id <> ?)")
                    .params(kind, id)
                    .query(Boolean.class)
                    .single();
            if (taken) {
                throw duplicate(kind);
            }
        }
        return new TransferTarget(id, kind, number, label);
    }

    private static ConflictException duplicate(String kind) {
        return new ConflictException(
                "duplicate-transfer-target",
                "Transfer target already configured",
                "There is already a " + kind + " transfer target; change that one instead");
    }

    private static TransferTarget target(ResultSet rs, int row) throws SQLException {
        return new TransferTarget(
                rs.getObject("id", UUID.class), rs.getString("kind"), rs.getString("number"), rs.getString("label"));
    }
}
