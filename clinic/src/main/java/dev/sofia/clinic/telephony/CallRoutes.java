package dev.sofia.clinic.telephony;

import dev.sofia.clinic.livekit.AgentRooms;
import dev.sofia.clinic.system.ConflictException;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.UnknownReferenceException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** How calls to each number are answered: which agent, in which language, with which greeting. */
@Service
public class CallRoutes {

    static final List<String> LANGUAGES = List.of("de", "en", "ru");
    static final int MAX_GREETING = 500;
    private static final Pattern AGENT_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final JdbcClient jdbc;
    private final String defaultAgentName;

    CallRoutes(JdbcClient jdbc, AgentRooms agentRooms) {
        this.jdbc = jdbc;
        this.defaultAgentName = agentRooms.agentName();
    }

    /**
     * A route.
     *
     * @param number the route's phone number (E.164), for display
     * @param livekitDispatchRuleId the LiveKit dispatch rule, once synced (none while disabled)
     */
    public record CallRoute(
            UUID id,
            UUID phoneNumberId,
            String number,
            String agentName,
            String language,
            String greeting,
            boolean enabled,
            @Nullable String livekitDispatchRuleId) {}

    /** What staff enter for a route; agentName defaults to Sofia's, enabled to true. */
    public record RouteRequest(
            @Nullable UUID phoneNumberId,
            @Nullable String agentName,
            @Nullable String language,
            @Nullable String greeting,
            @Nullable Boolean enabled) {}

    public List<CallRoute> list() {
        return jdbc.sql(SELECT + " order by n.number").query(CallRoutes::route).list();
    }

    public Optional<CallRoute> find(UUID id) {
        return jdbc.sql(SELECT + " where r.id = ?")
                .param(id)
                .query(CallRoutes::route)
                .optional();
    }

    @Transactional
    public CallRoute create(RouteRequest request) {
        UUID id = UUID.randomUUID();
        CallRoute route = validate(id, request);
        try {
            jdbc.sql("""
                            insert into call_routes (id, phone_number_id, agent_name, language, greeting, enabled)
                            values (?, ?, ?, ?, ?, ?)
                            """)
                    .params(
                            id,
                            route.phoneNumberId(),
                            route.agentName(),
                            route.language(),
                            route.greeting(),
                            route.enabled())
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        return find(id).orElseThrow();
    }

    @Transactional
    public CallRoute update(UUID id, RouteRequest request) {
        if (find(id).isEmpty()) {
            throw new NotFoundException("call route", id);
        }
        CallRoute route = validate(id, request);
        try {
            jdbc.sql("""
                            update call_routes set phone_number_id = ?, agent_name = ?, language = ?, greeting = ?,
                                enabled = ?, updated_at = now()
                            where id = ?
                            """)
                    .params(
                            route.phoneNumberId(),
                            route.agentName(),
                            route.language(),
                            route.greeting(),
                            route.enabled(),
                            id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicate();
        }
        return find(id).orElseThrow();
    }

    @Transactional
    public void delete(UUID id) {
        if (jdbc.sql("delete from call_routes where id = ?").param(id).update() == 0) {
            throw new NotFoundException("call route", id);
        }
    }

    private CallRoute validate(UUID id, RouteRequest r) {
        List<FieldProblem> problems = new ArrayList<>();
        if (r.phoneNumberId() == null) {
            problems.add(new FieldProblem("phoneNumberId", "is required"));
        }
        String agent = r.agentName() == null || r.agentName().isBlank()
                ? defaultAgentName
                : r.agentName().strip();
        if (!AGENT_NAME.matcher(agent).matches()) {
            problems.add(new FieldProblem("agentName", "must be 1 to 64 letters, digits, _ or -"));
        }
        String language = r.language() == null || r.language().isBlank()
                ? "de"
                : r.language().strip();
        if (!LANGUAGES.contains(language)) {
            problems.add(new FieldProblem("language", "must be de, en or ru"));
        }
        String greeting = r.greeting() == null ? "" : r.greeting().strip();
        if (greeting.length() > MAX_GREETING) {
            problems.add(new FieldProblem("greeting", "must be at most " + MAX_GREETING + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String number = jdbc.sql("select number from phone_numbers where id = ?")
                .param(r.phoneNumberId())
                .query(String.class)
                .optional()
                .orElseThrow(() -> new UnknownReferenceException("phoneNumberId", "phone number"));
        boolean taken = jdbc.sql("select exists (select 1 from call_routes where phone_number_id = ? and id <> ?)")
                .params(r.phoneNumberId(), id)
                .query(Boolean.class)
                .single();
        if (taken) {
            throw duplicate();
        }
        boolean enabled = r.enabled() == null || r.enabled();
        return new CallRoute(id, r.phoneNumberId(), number, agent, language, greeting, enabled, null);
    }

    private static ConflictException duplicate() {
        return new ConflictException(
                "duplicate-route", "Number already routed", "This phone number already has a call route");
    }

    private static final String SELECT = """
            select r.*, n.number from call_routes r join phone_numbers n on n.id = r.phone_number_id""";

    private static CallRoute route(ResultSet rs, int row) throws SQLException {
        return new CallRoute(
                rs.getObject("id", UUID.class),
                rs.getObject("phone_number_id", UUID.class),
                rs.getString("number"),
                rs.getString("agent_name"),
                rs.getString("language"),
                rs.getString("greeting"),
                rs.getBoolean("enabled"),
                rs.getString("livekit_dispatch_rule_id"));
    }
}
