package dev.sofia.clinic.telephony;

import dev.sofia.clinic.livekit.LiveKitCallException;
import dev.sofia.clinic.system.PhoneNumbers;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Makes LiveKit's SIP trunks and dispatch rules match the database, and reports where they differ.
 *
 * <p>Objects are matched by name ({@code sofia:number:<id>}, {@code sofia:connection:<id>},
 * {@code sofia:route:<id>}); anything not named {@code sofia:…} is never touched. Missing objects are
 * created, differing ones updated (or deleted and created again where the SDK's update call cannot
 * set a field), and managed objects the database no longer wants are deleted. A second run right
 * after the first changes nothing. Runs are serialised. LiveKit being unreachable leaves the
 * database as it is and marks every connection {@code pending} with the reason.
 */
@Service
public class TelephonySync {

    static final String INBOUND = "inbound-trunk";
    static final String OUTBOUND = "outbound-trunk";
    static final String RULE = "dispatch-rule";

    private static final Logger log = LoggerFactory.getLogger(TelephonySync.class);
    private static final int MAX_ERROR = 2000;
    private static final Pattern NUMBER = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final ReentrantLock lock = new ReentrantLock();
    private final SipDesiredState desiredState;
    private final SipGateway gateway;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean syncOnStartup;

    TelephonySync(
            SipDesiredState desiredState,
            SipGateway gateway,
            JdbcClient jdbc,
            Clock clock,
            @Value("${sofia.telephony.sync-on-startup:true}") boolean syncOnStartup) {
        this.desiredState = desiredState;
        this.gateway = gateway;
        this.jdbc = jdbc;
        this.clock = clock;
        this.syncOnStartup = syncOnStartup;
    }

    /** Syncs everything now (waiting for a sync already running). */
    public SyncReport sync() {
        lock.lock();
        try {
            return run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Called after a change was committed: the change stands whatever happens here, so this never
     * throws; failures end up in the connections' sync status.
     */
    SyncReport syncAfterChange() {
        try {
            return sync();
        } catch (RuntimeException e) {
            log.error("Telephony sync failed unexpectedly", e);
            String error = "The sync failed unexpectedly; see the server log";
            markAll("pending", error);
            return new SyncReport("pending", clock.instant(), List.of(), List.of(), error);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void syncOnStartup() {
        if (!syncOnStartup) {
            return;
        }
        try {
            sync();
        } catch (RuntimeException e) {
            log.error("Telephony start-up sync failed", e);
        }
    }

    /** How LiveKit differs from the database, without changing either. */
    public DriftReport drift() {
        Instant now = clock.instant();
        SipDesiredState.Desired desired = desiredState.load();
        List<DriftReport.ConnectionStatus> statuses = connectionStatuses();
        SipGateway.Listing actual;
        try {
            actual = gateway.list();
        } catch (LiveKitCallException e) {
            return new DriftReport(false, now, e.getMessage(), statuses, List.of());
        }
        List<DriftReport.Drift> drift = new ArrayList<>();
        Map<String, List<SIPInboundTrunkInfo>> inbound = byName(actual.inbound(), SIPInboundTrunkInfo::getName);
        Map<String, List<SIPOutboundTrunkInfo>> outbound = byName(actual.outbound(), SIPOutboundTrunkInfo::getName);
        Map<String, List<SIPDispatchRuleInfo>> rules = byName(actual.rules(), SIPDispatchRuleInfo::getName);
        Set<String> wanted = desired.names();

        for (SipSpecs.InboundTrunkSpec spec : desired.inbound()) {
            SIPInboundTrunkInfo existing = first(inbound.get(spec.name()));
            if (existing == null) {
                drift.add(missing(INBOUND, spec.name()));
            } else {
                spec.diff(existing).forEach(d -> drift.add(of(INBOUND, spec.name(), existing.getSipTrunkId(), d)));
            }
        }
        for (SipSpecs.OutboundTrunkSpec spec : desired.outbound()) {
            SIPOutboundTrunkInfo existing = first(outbound.get(spec.name()));
            if (existing == null) {
                drift.add(missing(OUTBOUND, spec.name()));
            } else {
                spec.diff(existing).forEach(d -> drift.add(of(OUTBOUND, spec.name(), existing.getSipTrunkId(), d)));
            }
        }
        for (SipSpecs.DispatchRuleSpec spec : desired.rules()) {
            SIPDispatchRuleInfo existing = first(rules.get(spec.name()));
            SIPInboundTrunkInfo trunk = first(inbound.get(SipSpecs.InboundTrunkSpec.nameOf(spec.numberId())));
            if (existing == null) {
                drift.add(missing(RULE, spec.name()));
            } else {
                String trunkId = trunk == null ? "(the number's inbound trunk, missing)" : trunk.getSipTrunkId();
                spec.diff(existing, trunkId)
                        .forEach(d -> drift.add(of(RULE, spec.name(), existing.getSipDispatchRuleId(), d)));
            }
        }
        extra(inbound, wanted, INBOUND, SIPInboundTrunkInfo::getSipTrunkId, drift);
        extra(outbound, wanted, OUTBOUND, SIPOutboundTrunkInfo::getSipTrunkId, drift);
        extra(rules, wanted, RULE, SIPDispatchRuleInfo::getSipDispatchRuleId, drift);
        boolean allSynced = statuses.stream().allMatch(s -> s.status().equals("synced"));
        return new DriftReport(drift.isEmpty() && allSynced, now, null, statuses, drift);
    }

    private static <T> void extra(
            Map<String, List<T>> actual,
            Set<String> wanted,
            String object,
            Function<T, String> id,
            List<DriftReport.Drift> drift) {
        actual.forEach((name, objects) -> {
            // Unwanted managed objects, and duplicates of wanted ones beyond the first.
            int keep = wanted.contains(name) ? 1 : 0;
            for (T extra : objects.subList(keep, objects.size())) {
                drift.add(new DriftReport.Drift(object, name, id.apply(extra), "exists", false, true));
            }
        });
    }

    private static DriftReport.Drift missing(String object, String name) {
        return new DriftReport.Drift(object, name, null, "exists", true, false);
    }

    private static DriftReport.Drift of(String object, String name, String id, SipSpecs.FieldDiff d) {
        return new DriftReport.Drift(object, name, id, d.field(), d.expected(), d.actual());
    }

    List<DriftReport.ConnectionStatus> connectionStatuses() {
        return jdbc.sql("""
                        select id, name, sync_status, synced_at, sync_error from telephony_connections
                        order by created_at, id
                        """)
                .query((rs, i) -> {
                    OffsetDateTime at = rs.getObject("synced_at", OffsetDateTime.class);
                    return new DriftReport.ConnectionStatus(
                            rs.getObject("id", UUID.class),
                            rs.getString("name"),
                            rs.getString("sync_status"),
                            at == null ? null : at.toInstant(),
                            rs.getString("sync_error"));
                })
                .list();
    }

    // ---------------------------------------------------------------------------------------------

    private SyncReport run() {
        Instant started = clock.instant();
        SipDesiredState.Desired desired = desiredState.load();
        Run run = new Run(desired);
        String abort = null;
        try {
            run.apply(gateway.list());
        } catch (LiveKitCallException e) {
            // Listing failed, or LiveKit stopped answering half-way: nothing more can be done now.
            abort = e.getMessage();
        }
        run.store(abort == null);
        Instant finished = clock.instant();
        for (UUID connection : desired.connectionIds()) {
            String error = abort != null ? abort : desired.frozen().getOrDefault(connection, run.errors(connection));
            if (error == null) {
                setStatus(connection, "synced", finished, null);
            } else {
                setStatus(connection, "pending", null, error);
            }
        }
        boolean clean =
                abort == null && run.failures.isEmpty() && desired.frozen().isEmpty();
        if (!run.changes.isEmpty()) {
            log.info("Telephony sync: {} change(s) in LiveKit", run.changes.size());
            run.changes.forEach(
                    c -> log.debug("Telephony sync: {} {} {} {}", c.action(), c.object(), c.name(), c.fields()));
        }
        run.failures.forEach(
                f -> log.warn("Telephony sync: LiveKit refused {} {}: {}", f.object(), f.name(), redact(f.error())));
        if (abort != null && desired.connectionIds().isEmpty()) {
            log.info("Telephony sync skipped (no connections configured): {}", redact(abort));
        } else if (abort != null) {
            log.warn("Telephony sync could not finish: {}", redact(abort));
        }
        return new SyncReport(clean ? "synced" : "pending", started, run.changes, run.failures, abort);
    }

    private void setStatus(UUID connection, String status, @Nullable Instant syncedAt, @Nullable String error) {
        String text = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
        if (syncedAt != null) {
            jdbc.sql("update telephony_connections set sync_status = ?, synced_at = ?, sync_error = null where id = ?")
                    .params(status, java.sql.Timestamp.from(syncedAt), connection)
                    .update();
        } else {
            jdbc.sql("update telephony_connections set sync_status = ?, sync_error = ? where id = ?")
                    .params(status, text, connection)
                    .update();
        }
    }

    private void markAll(String status, String error) {
        jdbc.sql("update telephony_connections set sync_status = ?, sync_error = ?")
                .params(status, error)
                .update();
    }

    /** Phone numbers in LiveKit's messages, masked for the log. */
    static String redact(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NUMBER.matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(PhoneNumbers.mask(r.group())));
    }

    private static <T> Map<String, List<T>> byName(List<T> objects, Function<T, String> name) {
        Map<String, List<T>> result = new LinkedHashMap<>();
        for (T o : objects) {
            if (SipSpecs.managed(name.apply(o))) {
                result.computeIfAbsent(name.apply(o), k -> new ArrayList<>()).add(o);
            }
        }
        return result;
    }

    private static <T> @Nullable T first(@Nullable List<T> objects) {
        return objects == null || objects.isEmpty() ? null : objects.getFirst();
    }

    /** One sync: the changes made, the failures, and the LiveKit ids resolved along the way. */
    private final class Run {
        private final SipDesiredState.Desired desired;
        final List<SyncReport.Change> changes = new ArrayList<>();
        final List<SyncReport.Failure> failures = new ArrayList<>();
        private final Map<UUID, List<String>> errorsByConnection = new HashMap<>();
        private final Map<String, String> trunkIdByName = new HashMap<>();
        private final Map<UUID, String> outboundByConnection = new HashMap<>();
        private final Map<UUID, String> ruleByRoute = new HashMap<>();

        Run(SipDesiredState.Desired desired) {
            this.desired = desired;
        }

        @Nullable
        String errors(UUID connection) {
            List<String> errors = errorsByConnection.get(connection);
            return errors == null ? null : String.join("; ", errors);
        }

        void apply(SipGateway.Listing actual) {
            Map<String, List<SIPInboundTrunkInfo>> inbound = byName(actual.inbound(), SIPInboundTrunkInfo::getName);
            Map<String, List<SIPOutboundTrunkInfo>> outbound = byName(actual.outbound(), SIPOutboundTrunkInfo::getName);
            Map<String, List<SIPDispatchRuleInfo>> rules = byName(actual.rules(), SIPDispatchRuleInfo::getName);
            Set<String> wanted = desired.names();

            // Stale rules before stale trunks, and both before anything new: a new trunk may need
            // a number an old one still holds, a new rule the trunk an old rule still claims.
            removeStale(rules, wanted, RULE, SIPDispatchRuleInfo::getSipDispatchRuleId, gateway::deleteRule);
            removeStale(inbound, wanted, INBOUND, SIPInboundTrunkInfo::getSipTrunkId, gateway::deleteTrunk);
            removeStale(outbound, wanted, OUTBOUND, SIPOutboundTrunkInfo::getSipTrunkId, gateway::deleteTrunk);

            for (String frozen : desired.frozenNames()) {
                SIPInboundTrunkInfo kept = first(inbound.get(frozen));
                if (kept != null) {
                    trunkIdByName.put(frozen, kept.getSipTrunkId());
                }
            }
            for (SipSpecs.InboundTrunkSpec spec : desired.inbound()) {
                attempt(spec.connectionId(), INBOUND, spec.name(), () -> {
                    String id = inbound(spec, first(inbound.get(spec.name())));
                    trunkIdByName.put(spec.name(), id);
                });
            }
            for (SipSpecs.OutboundTrunkSpec spec : desired.outbound()) {
                attempt(spec.connectionId(), OUTBOUND, spec.name(), () -> {
                    String id = outbound(spec, first(outbound.get(spec.name())));
                    outboundByConnection.put(spec.connectionId(), id);
                });
            }
            for (SipSpecs.DispatchRuleSpec spec : desired.rules()) {
                String trunkId = trunkIdByName.get(SipSpecs.InboundTrunkSpec.nameOf(spec.numberId()));
                if (trunkId == null) {
                    fail(spec.connectionId(), RULE, spec.name(), "not created: the number's inbound trunk is missing");
                    continue;
                }
                attempt(spec.connectionId(), RULE, spec.name(), () -> {
                    String id = rule(spec, trunkId, first(rules.get(spec.name())));
                    ruleByRoute.put(spec.routeId(), id);
                });
            }
        }

        private String inbound(SipSpecs.InboundTrunkSpec spec, @Nullable SIPInboundTrunkInfo existing) {
            if (existing == null) {
                String id = gateway.createInbound(spec).getSipTrunkId();
                change("created", INBOUND, spec.name(), id, List.of());
                return id;
            }
            // Any difference is one update: the trunk is replaced whole, keeping its id.
            List<SipSpecs.FieldDiff> diffs = spec.diff(existing);
            if (!diffs.isEmpty()) {
                gateway.updateInbound(existing, spec);
                change("updated", INBOUND, spec.name(), existing.getSipTrunkId(), fields(diffs));
            }
            return existing.getSipTrunkId();
        }

        private String outbound(SipSpecs.OutboundTrunkSpec spec, @Nullable SIPOutboundTrunkInfo existing) {
            if (existing == null) {
                String id = gateway.createOutbound(spec).getSipTrunkId();
                change("created", OUTBOUND, spec.name(), id, List.of());
                return id;
            }
            List<SipSpecs.FieldDiff> diffs = spec.diff(existing);
            if (!diffs.isEmpty()) {
                gateway.updateOutbound(existing.getSipTrunkId(), spec, diffs);
                change("updated", OUTBOUND, spec.name(), existing.getSipTrunkId(), fields(diffs));
            }
            return existing.getSipTrunkId();
        }

        private String rule(SipSpecs.DispatchRuleSpec spec, String trunkId, @Nullable SIPDispatchRuleInfo existing) {
            if (existing == null) {
                String id = gateway.createRule(spec, List.of(trunkId)).getSipDispatchRuleId();
                change("created", RULE, spec.name(), id, List.of());
                return id;
            }
            List<SipSpecs.FieldDiff> diffs = spec.diff(existing, trunkId);
            if (diffs.isEmpty()) {
                return existing.getSipDispatchRuleId();
            }
            if (diffs.stream().allMatch(SipSpecs.FieldDiff::updatable)) {
                gateway.updateRule(existing.getSipDispatchRuleId(), spec, List.of(trunkId), diffs);
                change("updated", RULE, spec.name(), existing.getSipDispatchRuleId(), fields(diffs));
                return existing.getSipDispatchRuleId();
            }
            // Delete first: LiveKit refuses two rules for the same trunk.
            gateway.deleteRule(existing.getSipDispatchRuleId());
            String id = gateway.createRule(spec, List.of(trunkId)).getSipDispatchRuleId();
            change("recreated", RULE, spec.name(), id, fields(diffs));
            return id;
        }

        private <T> void removeStale(
                Map<String, List<T>> actual,
                Set<String> wanted,
                String object,
                Function<T, String> id,
                java.util.function.Consumer<String> delete) {
            actual.forEach((name, objects) -> {
                int keep = wanted.contains(name) ? 1 : 0;
                for (T extra : objects.subList(keep, objects.size())) {
                    attempt(null, object, name, () -> {
                        delete.accept(id.apply(extra));
                        change("deleted", object, name, id.apply(extra), List.of());
                    });
                }
            });
        }

        /** Runs one step; LiveKit refusing it is recorded, LiveKit not answering ends the run. */
        private void attempt(@Nullable UUID connection, String object, String name, Runnable step) {
            try {
                step.run();
            } catch (LiveKitCallException e) {
                if (e.liveKitStatus() == 0) {
                    throw e;
                }
                fail(connection, object, name, e.getMessage());
            }
        }

        private void fail(@Nullable UUID connection, String object, String name, String error) {
            failures.add(new SyncReport.Failure(object, name, error));
            if (connection != null) {
                errorsByConnection
                        .computeIfAbsent(connection, c -> new ArrayList<>())
                        .add(object + " " + name + ": " + error);
            }
        }

        private void change(String action, String object, String name, String id, List<String> fields) {
            changes.add(new SyncReport.Change(action, object, name, id, fields));
        }

        private static List<String> fields(List<SipSpecs.FieldDiff> diffs) {
            return diffs.stream().map(SipSpecs.FieldDiff::field).toList();
        }

        /**
         * Writes the LiveKit ids back. After a complete run, objects that do not exist get null;
         * after an interrupted one only the ids learnt are written.
         */
        void store(boolean complete) {
            for (Map.Entry<UUID, UUID> number : desired.numberConnections().entrySet()) {
                String id = trunkIdByName.get(SipSpecs.InboundTrunkSpec.nameOf(number.getKey()));
                if (id != null || complete) {
                    jdbc.sql("""
                                    update phone_numbers set livekit_inbound_trunk_id = ?
                                    where id = ? and livekit_inbound_trunk_id is distinct from ?
                                    """).params(id, number.getKey(), id).update();
                }
            }
            for (UUID connection : desired.connectionIds()) {
                String id = outboundByConnection.get(connection);
                boolean frozen = desired.frozen().containsKey(connection);
                if (id != null || (complete && !frozen)) {
                    jdbc.sql("""
                                    update telephony_connections set livekit_outbound_trunk_id = ?
                                    where id = ? and livekit_outbound_trunk_id is distinct from ?
                                    """).params(id, connection, id).update();
                }
            }
            ruleByRoute.forEach(
                    (route, id) -> jdbc.sql("""
                            update call_routes set livekit_dispatch_rule_id = ?
                            where id = ? and livekit_dispatch_rule_id is distinct from ?
                            """).params(id, route, id).update());
            if (complete) {
                List<UUID> live = new ArrayList<>(ruleByRoute.keySet());
                jdbc.sql("""
                                update call_routes set livekit_dispatch_rule_id = null
                                where livekit_dispatch_rule_id is not null and not (id = any (?::uuid[]))
                                """).param(live.toArray(UUID[]::new)).update();
            }
        }
    }
}
