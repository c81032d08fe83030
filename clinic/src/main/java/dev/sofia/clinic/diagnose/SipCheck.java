package dev.sofia.clinic.diagnose;

import dev.sofia.clinic.livekit.LiveKitCallException;
import dev.sofia.clinic.livekit.LiveKitClients;
import dev.sofia.clinic.system.DatabaseUrl;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.SIPInboundTrunkInfo;

/**
 * LiveKit's SIP trunks and dispatch rules agree with Sofia's configuration. Always: every dispatch
 * rule is scoped to trunks (an unscoped rule answers calls on every trunk of the project) and
 * dispatches an agent a worker registers as ({@code SOFIA_AGENT_NAME}). With the database
 * reachable, by name as {@code TelephonySync} names them: each phone number has its
 * {@code sofia:number:<id>} trunk and each enabled route its {@code sofia:route:<id>} rule, and
 * nothing {@code sofia:} is left over. Field-level drift (addresses, passwords) is the app's own
 * {@code GET /api/telephony/sync}.
 */
final class SipCheck implements Check {

    static final String NAME = "sip-config";
    static final String PREFIX = "sofia:";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String hint() {
        return "check LiveKit's SIP API (it needs livekit-server with Redis)";
    }

    @Override
    public List<Outcome> run(DiagnoseSettings settings) throws Exception {
        if (!settings.liveKitConfigured()) {
            return List.of(Outcome.skip(NAME, "LiveKit not configured (the local server has no SIP)"));
        }
        LiveKitApi api = LiveKitApi.of(settings);
        List<SIPInboundTrunkInfo> trunks;
        List<SIPDispatchRuleInfo> rules;
        try {
            trunks = LiveKitClients.require("list inbound trunks", api.sip().listSipInboundTrunk());
            rules = LiveKitClients.require("list dispatch rules", api.sip().listSipDispatchRule());
        } catch (LiveKitCallException e) {
            if (e.liveKitStatus() > 0 && e.liveKitStatus() != 401 && e.liveKitStatus() != 403) {
                return List.of(Outcome.skip(
                        NAME,
                        "LiveKit's SIP API is unavailable (" + LiveKitHttpCheck.shorten(e.getMessage())
                                + "): phone calls need livekit-server with Redis and livekit-sip"));
            }
            return List.of(Outcome.fail(NAME, e.getMessage(), LiveKitApi.hint(e, settings)));
        }
        List<String> problems = new ArrayList<>();
        Set<String> trunkIds = new LinkedHashSet<>();
        trunks.forEach(t -> trunkIds.add(t.getSipTrunkId()));
        for (SIPDispatchRuleInfo rule : rules) {
            String label = rule.getName().isEmpty() ? rule.getSipDispatchRuleId() : rule.getName();
            if (rule.getTrunkIdsList().isEmpty()) {
                problems.add("rule " + label + " is not scoped to any trunk");
            } else if (rule.getName().startsWith(PREFIX) && !trunkIds.containsAll(rule.getTrunkIdsList())) {
                problems.add("rule " + label + " names a trunk that does not exist");
            }
            if (rule.getName().startsWith(PREFIX) && rule.hasRoomConfig()) {
                rule.getRoomConfig().getAgentsList().stream()
                        .map(a -> a.getAgentName())
                        .filter(agent -> !agent.equals(settings.agentName()))
                        .forEach(agent -> problems.add("rule " + label + " dispatches \"" + agent
                                + "\" but workers register as \"" + settings.agentName() + "\""));
            }
        }
        String counts = trunks.size() + " inbound trunks, " + rules.size() + " dispatch rules";
        if (settings.has("database.url")) {
            try {
                problems.addAll(compareWithDatabase(settings, trunks, rules));
            } catch (SQLException | IllegalArgumentException e) {
                counts += " (not compared with the database: it is not reachable)";
            }
        } else {
            counts += " (not compared with the embedded database)";
        }
        if (!problems.isEmpty()) {
            return List.of(Outcome.fail(
                    NAME,
                    String.join("; ", problems.subList(0, Math.min(3, problems.size())))
                            + (problems.size() > 3 ? "; and " + (problems.size() - 3) + " more" : ""),
                    "run POST /api/telephony/sync (admin) to rebuild Sofia's sofia: objects; delete or scope rules made by"
                            + " hand (lk sip dispatch list); set a route's agent to SOFIA_AGENT_NAME"));
        }
        return List.of(Outcome.ok(NAME, counts + "; every rule scoped to trunks"));
    }

    private static List<String> compareWithDatabase(
            DiagnoseSettings settings, List<SIPInboundTrunkInfo> trunks, List<SIPDispatchRuleInfo> rules)
            throws SQLException {
        Set<String> wanted = new LinkedHashSet<>();
        try (Connection connection = DatabaseCheck.open(DatabaseUrl.parse(settings.get("database.url")), settings);
                var statement = connection.createStatement()) {
            try (ResultSet numbers = statement.executeQuery("select id from phone_numbers")) {
                while (numbers.next()) {
                    wanted.add(PREFIX + "number:" + numbers.getString(1));
                }
            }
            try (ResultSet routes = statement.executeQuery("select id from call_routes where enabled")) {
                while (routes.next()) {
                    wanted.add(PREFIX + "route:" + routes.getString(1));
                }
            }
        }
        Set<String> present = new LinkedHashSet<>();
        trunks.stream()
                .map(SIPInboundTrunkInfo::getName)
                .filter(n -> n.startsWith(PREFIX))
                .forEach(present::add);
        rules.stream()
                .map(SIPDispatchRuleInfo::getName)
                .filter(n -> n.startsWith(PREFIX))
                .forEach(present::add);
        List<String> problems = new ArrayList<>();
        wanted.stream().filter(n -> !present.contains(n)).forEach(n -> problems.add(n + " is missing in LiveKit"));
        present.stream()
                .filter(n -> !wanted.contains(n))
                .forEach(n -> problems.add(n + " is in LiveKit but not wanted"));
        return problems;
    }
}
