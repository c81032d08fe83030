package dev.sofia.clinic.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.clinic.livekit.LiveKitClients;
import dev.sofia.clinic.livekit.SipTrunkClient;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.livekit.LiveKitIntegrationTest;
import dev.sofia.clinic.support.livekit.LiveKitServerExtension;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.CreateSipInboundTrunkOptions;
import io.livekit.server.CreateSipOutboundTrunkOptions;
import io.livekit.server.SipDispatchRuleIndividual;
import io.livekit.server.UpdateSipDispatchRuleOptions;
import io.livekit.server.UpdateSipInboundTrunkOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import livekit.LivekitSip.SIPDispatchRule;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import livekit.LivekitSip.SIPTransport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Connections, numbers and routes through the API against a real livekit-server with Redis (its
 * SIP API), checked by listing LiveKit directly through the SDK: what sync creates, updates and
 * deletes, that a second sync changes nothing, that hand edits show as drift and are repaired,
 * that objects not named {@code sofia:…} are never touched, that passwords are encrypted at rest
 * and never returned, and that bad input is refused with nothing written anywhere.
 */
@LiveKitIntegrationTest
class TelephonySyncIntegrationTests {

    static final String NUMBER_1 = "+4930901820";
    static final String NUMBER_2 = "+4930901821";
    static final String NUMBER_3 = "+4930901822";
    static final String IN_PASSWORD = "inbound-secret-4711";
    static final String OUT_PASSWORD = "outbound-secret-0815";

    @RegisterExtension
    static final LiveKitServerExtension livekit =
            LiveKitServerExtension.withWebhooksToApp().withRedis();

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry registry) {
        livekit.registerProperties(registry);
    }

    @Autowired
    Api api;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    LiveKitClients clients;

    @Autowired
    SipGateway gateway;

    @Autowired
    SipTrunkClient trunks;

    @BeforeEach
    void emptyDatabaseAndLiveKit() {
        fixtures.reset();
        for (SIPDispatchRuleInfo rule : rules()) {
            LiveKitClients.execute("cleanup", clients.sip().deleteSipDispatchRule(rule.getSipDispatchRuleId()));
        }
        for (SIPInboundTrunkInfo trunk : inbound()) {
            LiveKitClients.execute("cleanup", clients.sip().deleteSipTrunk(trunk.getSipTrunkId()));
        }
        for (SIPOutboundTrunkInfo trunk : outbound()) {
            LiveKitClients.execute("cleanup", clients.sip().deleteSipTrunk(trunk.getSipTrunkId()));
        }
    }

    // --- creating -------------------------------------------------------------------------------

    @Test
    void aConnectionWithNumbersAndRoutesBecomesTrunksAndScopedDispatchRules() {
        JsonNode connection = createConnection(List.of("192.0.2.0/24", "198.51.100.7"), true);
        String connectionId = connection.get("id").asString();
        assertThat(connection.at("/sync/status").asString()).isEqualTo("synced");
        assertThat(connection.at("/inbound/hasPassword").asBoolean()).isTrue();
        assertThat(connection.at("/outbound/hasPassword").asBoolean()).isTrue();

        JsonNode number1 = createNumber(connectionId, NUMBER_1);
        JsonNode number2 = createNumber(connectionId, NUMBER_2);
        JsonNode route1 = createRoute(number1.get("id").asString(), "ru", "Здравствуйте, стоматология!");
        JsonNode route2 = createRoute(number2.get("id").asString(), "en", "");

        // One inbound trunk per number, carrying the connection's addresses and credentials.
        SIPInboundTrunkInfo trunk1 =
                inboundNamed("sofia:number:" + number1.get("id").asString());
        assertThat(trunk1.getNumbersList()).containsExactly(NUMBER_1);
        assertThat(trunk1.getAllowedAddressesList()).containsExactlyInAnyOrder("192.0.2.0/24", "198.51.100.7");
        assertThat(trunk1.getAuthUsername()).isEqualTo("sofia-in");
        assertThat(trunk1.getAuthPassword()).isEqualTo(IN_PASSWORD);
        assertThat(trunk1.getMetadata()).contains(connectionId);
        // The practice's longest call (15 minutes by default) plus a minute's grace.
        assertThat(trunk1.getMaxCallDuration().getSeconds()).isEqualTo(16 * 60);
        SIPInboundTrunkInfo trunk2 =
                inboundNamed("sofia:number:" + number2.get("id").asString());
        assertThat(trunk2.getNumbersList()).containsExactly(NUMBER_2);
        assertThat(api.get("/api/telephony/numbers/" + number1.get("id").asString())
                        .json()
                        .get("livekitTrunkId")
                        .asString())
                .isEqualTo(trunk1.getSipTrunkId());

        // One outbound trunk per connection, calling from all its numbers.
        SIPOutboundTrunkInfo out = outboundNamed("sofia:connection:" + connectionId);
        assertThat(out.getAddress()).isEqualTo("sip.example.com:5061");
        assertThat(out.getTransport()).isEqualTo(SIPTransport.SIP_TRANSPORT_TLS);
        assertThat(out.getNumbersList()).containsExactlyInAnyOrder(NUMBER_1, NUMBER_2);
        assertThat(out.getAuthUsername()).isEqualTo("out-user");
        assertThat(out.getAuthPassword()).isEqualTo(OUT_PASSWORD);
        assertThat(api.get("/api/telephony/connections/" + connectionId)
                        .json()
                        .at("/outbound/livekitTrunkId")
                        .asString())
                .isEqualTo(out.getSipTrunkId());

        // One dispatch rule per route, always scoped to its number's trunk.
        SIPDispatchRuleInfo rule1 = ruleNamed("sofia:route:" + route1.get("id").asString());
        assertThat(rule1.getTrunkIdsList()).containsExactly(trunk1.getSipTrunkId());
        assertThat(rule1.getRule().getRuleCase()).isEqualTo(SIPDispatchRule.RuleCase.DISPATCH_RULE_INDIVIDUAL);
        assertThat(rule1.getRule().getDispatchRuleIndividual().getRoomPrefix()).isEqualTo("call-");
        assertThat(rule1.getAttributesMap())
                .containsEntry("sofia.routeId", route1.get("id").asString())
                .containsEntry("sofia.language", "ru");
        assertThat(rule1.getRoomConfig().getAgentsCount()).isEqualTo(1);
        assertThat(rule1.getRoomConfig().getAgents(0).getAgentName()).isEqualTo("sofia");
        JsonNode jobMetadata =
                JsonMapper.shared().readTree(rule1.getRoomConfig().getAgents(0).getMetadata());
        assertThat(jobMetadata.get("language").asString()).isEqualTo("ru");
        assertThat(jobMetadata.get("channel").asString()).isEqualTo("phone");
        assertThat(jobMetadata.get("routeId").asString())
                .isEqualTo(route1.get("id").asString());
        assertThat(JsonMapper.shared()
                        .readTree(rule1.getMetadata())
                        .get("greeting")
                        .asString())
                .isEqualTo("Здравствуйте, стоматология!");
        SIPDispatchRuleInfo rule2 = ruleNamed("sofia:route:" + route2.get("id").asString());
        assertThat(rule2.getTrunkIdsList()).containsExactly(trunk2.getSipTrunkId());
        assertThat(api.get("/api/telephony/routes/" + route1.get("id").asString())
                        .json()
                        .get("livekitDispatchRuleId")
                        .asString())
                .isEqualTo(rule1.getSipDispatchRuleId());

        JsonNode status = api.get("/api/telephony/sync").json();
        assertThat(status.get("inSync").asBoolean()).isTrue();
        assertThat(status.get("drift")).isEmpty();
    }

    // --- updating -------------------------------------------------------------------------------

    @Test
    void changesAreSyncedByUpdateCallsAndByRecreatingWhereTheSdkCannotUpdate() {
        JsonNode connection = createConnection(List.of("192.0.2.0/24"), true);
        String connectionId = connection.get("id").asString();
        String number1 = createNumber(connectionId, NUMBER_1).get("id").asString();
        String number2 = createNumber(connectionId, NUMBER_2).get("id").asString();
        String route1 = createRoute(number1, "de", "Guten Tag").get("id").asString();
        createRoute(number2, "en", "");
        String trunkId = inboundNamed("sofia:number:" + number1).getSipTrunkId();
        String ruleId = ruleNamed("sofia:route:" + route1).getSipDispatchRuleId();
        String outboundId = outboundNamed("sofia:connection:" + connectionId).getSipTrunkId();

        // A new number: the same trunk, updated in place; the outbound trunk's numbers follow.
        assertThat(api.put("/api/telephony/numbers/" + number1, numberBody(connectionId, NUMBER_3, "Empfang"))
                        .status())
                .isEqualTo(200);
        SIPInboundTrunkInfo trunk = inboundNamed("sofia:number:" + number1);
        assertThat(trunk.getSipTrunkId()).isEqualTo(trunkId);
        assertThat(trunk.getNumbersList()).containsExactly(NUMBER_3);
        SIPOutboundTrunkInfo out = outboundNamed("sofia:connection:" + connectionId);
        assertThat(out.getSipTrunkId()).isEqualTo(outboundId);
        assertThat(out.getNumbersList()).containsExactlyInAnyOrder(NUMBER_2, NUMBER_3);

        // A new greeting lives in the rule's metadata: updated in place.
        assertThat(api.put("/api/telephony/routes/" + route1, routeBody(number1, "de", "Hallo!", true))
                        .status())
                .isEqualTo(200);
        SIPDispatchRuleInfo rule = ruleNamed("sofia:route:" + route1);
        assertThat(rule.getSipDispatchRuleId()).isEqualTo(ruleId);
        assertThat(rule.getMetadata()).contains("Hallo!");

        // A new language changes the room configuration, which the SDK's update cannot set: a new rule.
        JsonNode updated = api.put("/api/telephony/routes/" + route1, routeBody(number1, "ru", "Hallo!", true))
                .json();
        rule = ruleNamed("sofia:route:" + route1);
        assertThat(rule.getSipDispatchRuleId()).isNotEqualTo(ruleId);
        assertThat(rule.getRoomConfig().getAgents(0).getMetadata()).contains("\"language\":\"ru\"");
        assertThat(rule.getAttributesMap()).containsEntry("sofia.language", "ru");
        assertThat(updated.get("livekitDispatchRuleId").asString()).isEqualTo(rule.getSipDispatchRuleId());
        assertThat(rules()).hasSize(2);

        // Disabled: the rule goes; enabled again: it comes back.
        JsonNode disabled = api.put("/api/telephony/routes/" + route1, routeBody(number1, "ru", "Hallo!", false))
                .json();
        assertThat(disabled.has("livekitDispatchRuleId")).isFalse();
        assertThat(names(rules())).doesNotContain("sofia:route:" + route1);
        api.put("/api/telephony/routes/" + route1, routeBody(number1, "ru", "Hallo!", true));
        assertThat(names(rules())).contains("sofia:route:" + route1);

        // Digest only: the trunks' allowed addresses are emptied in place (an inbound trunk is
        // replaced whole, keeping its id), so the rules keep their trunk. The passwords are kept.
        Map<String, Object> digestOnly = connectionBody(List.of(), true);
        inbound(digestOnly).remove("password");
        outbound(digestOnly).remove("password");
        JsonNode changed = api.put("/api/telephony/connections/" + connectionId, Api.json(digestOnly))
                .json();
        assertThat(changed.at("/sync/status").asString()).isEqualTo("synced");
        trunk = inboundNamed("sofia:number:" + number1);
        assertThat(trunk.getSipTrunkId()).isEqualTo(trunkId);
        assertThat(trunk.getAllowedAddressesList()).isEmpty();
        assertThat(trunk.getAuthPassword()).isEqualTo(IN_PASSWORD);
        assertThat(ruleNamed("sofia:route:" + route1).getTrunkIdsList()).containsExactly(trunkId);
        assertThat(outboundNamed("sofia:connection:" + connectionId).getAuthPassword())
                .isEqualTo(OUT_PASSWORD);

        // Outbound removed: its trunk goes.
        Map<String, Object> noOutbound = connectionBody(List.of("192.0.2.0/24"), false);
        assertThat(api.put("/api/telephony/connections/" + connectionId, Api.json(noOutbound))
                        .status())
                .isEqualTo(200);
        assertThat(outbound()).isEmpty();
        assertThat(inboundNamed("sofia:number:" + number1).getAllowedAddressesList())
                .containsExactly("192.0.2.0/24");
        assertThat(api.get("/api/telephony/sync").json().get("drift")).isEmpty();
    }

    // --- the practice's longest call ------------------------------------------------------------

    @Test
    void theLongestCallIsEveryInboundTrunksMaximumCallDurationPlusAMinute() {
        String connectionId =
                createConnection(List.of("192.0.2.0/24"), true).get("id").asString();
        String number1 = createNumber(connectionId, NUMBER_1).get("id").asString();
        String number2 = createNumber(connectionId, NUMBER_2).get("id").asString();
        String route = createRoute(number1, "de", "").get("id").asString();
        SIPInboundTrunkInfo trunk1 = inboundNamed("sofia:number:" + number1);
        SIPInboundTrunkInfo trunk2 = inboundNamed("sofia:number:" + number2);
        assertThat(trunk1.getMaxCallDuration().getSeconds()).isEqualTo(16 * 60);
        assertThat(trunk2.getMaxCallDuration().getSeconds()).isEqualTo(16 * 60);
        // A field Sofia does not manage, set by hand: updates must leave it alone.
        LiveKitClients.require(
                "by hand",
                trunks.replaceInboundTrunk(
                        trunk2.getSipTrunkId(),
                        trunk2.toBuilder().setKrispEnabled(true).build()));

        // Changing the setting syncs at once: the same trunks (so the rule keeps its trunk), 30 + 1.
        assertThat(setLongestCall(30).status()).isEqualTo(200);
        trunk1 = inboundNamed("sofia:number:" + number1);
        trunk2 = inboundNamed("sofia:number:" + number2);
        assertThat(trunk1.getMaxCallDuration().getSeconds()).isEqualTo(31 * 60);
        assertThat(trunk2.getMaxCallDuration().getSeconds()).isEqualTo(31 * 60);
        assertThat(trunk2.getKrispEnabled()).isTrue();
        assertThat(trunk2.getAllowedAddressesList()).containsExactly("192.0.2.0/24");
        assertThat(trunk2.getAuthPassword()).isEqualTo(IN_PASSWORD);
        assertThat(List.of(trunk1.getSipTrunkId(), trunk2.getSipTrunkId()))
                .containsExactlyInAnyOrderElementsOf(inbound().stream()
                        .map(SIPInboundTrunkInfo::getSipTrunkId)
                        .toList());
        assertThat(ruleNamed("sofia:route:" + route).getTrunkIdsList()).containsExactly(trunk1.getSipTrunkId());
        assertThat(api.get("/api/telephony/sync").json().get("inSync").asBoolean())
                .isTrue();

        // Changed by hand in LiveKit: drift, repaired by the next sync in place.
        LiveKitClients.require(
                "by hand",
                trunks.replaceInboundTrunk(
                        trunk1.getSipTrunkId(),
                        trunk1.toBuilder().clearMaxCallDuration().build()));
        JsonNode report = api.get("/api/telephony/sync").json();
        assertThat(report.get("inSync").asBoolean()).isFalse();
        JsonNode drift = driftOf(report, trunk1.getSipTrunkId(), "maxCallDuration");
        assertThat(drift.get("expected").asString()).isEqualTo("PT31M");
        assertThat(drift.get("actual").asString()).isEqualTo("(none)");
        assertThat(report.get("drift")).hasSize(1);
        JsonNode repair = api.post("/api/telephony/sync", "").json();
        assertThat(Api.list(repair.get("changes"))).singleElement().satisfies(c -> {
            assertThat(c.get("action").asString()).isEqualTo("updated");
            assertThat(Api.list(c.get("fields"))).extracting(JsonNode::asString).containsExactly("maxCallDuration");
        });
        assertThat(inboundNamed("sofia:number:" + number1).getSipTrunkId()).isEqualTo(trunk1.getSipTrunkId());
        assertThat(inboundNamed("sofia:number:" + number1).getMaxCallDuration().getSeconds())
                .isEqualTo(31 * 60);

        // Changed in the database behind the app's back (a restored backup, say): drift, and the
        // next sync catches up.
        fixtures.jdbc().sql("update practice set max_call_minutes = 120").update();
        assertThat(Api.list(api.get("/api/telephony/sync").json().get("drift")))
                .extracting(
                        d -> d.get("field").asString() + " " + d.get("expected").asString())
                .containsExactly("maxCallDuration PT2H1M", "maxCallDuration PT2H1M");
        api.post("/api/telephony/sync", "");
        assertThat(inbound())
                .extracting(t -> t.getMaxCallDuration().getSeconds())
                .containsExactly(121L * 60, 121L * 60);
        assertThat(api.get("/api/telephony/sync").json().get("inSync").asBoolean())
                .isTrue();

        // A refused setting changes nothing, neither in the database nor in LiveKit.
        List<String> livekitBefore = allNames();
        assertThat(setLongestCall(121).status()).isEqualTo(400);
        assertThat(allNames()).isEqualTo(livekitBefore);
    }

    /** The practice as it is, with {@code minutes} as its longest call. */
    private Api.Response setLongestCall(int minutes) {
        @SuppressWarnings("unchecked")
        Map<String, Object> practice =
                JsonMapper.shared().convertValue(api.get("/api/practice").json(), Map.class);
        practice.put("maxCallMinutes", minutes);
        return api.put("/api/practice", Api.json(practice));
    }

    // --- deleting -------------------------------------------------------------------------------

    @Test
    void deletingRoutesNumbersAndConnectionsDeletesTheirObjectsInLiveKit() {
        String connectionId =
                createConnection(List.of("192.0.2.0/24"), true).get("id").asString();
        String number = createNumber(connectionId, NUMBER_1).get("id").asString();
        String route = createRoute(number, "de", "").get("id").asString();

        // Still referenced: refused, nothing changes.
        assertThat(api.delete("/api/telephony/connections/" + connectionId)
                        .json()
                        .get("type")
                        .asString())
                .isEqualTo("/problems/still-referenced");
        assertThat(api.delete("/api/telephony/numbers/" + number).status()).isEqualTo(409);
        assertThat(rules()).hasSize(1);

        assertThat(api.delete("/api/telephony/routes/" + route).status()).isEqualTo(204);
        assertThat(rules()).isEmpty();
        assertThat(inbound()).hasSize(1);

        assertThat(api.delete("/api/telephony/numbers/" + number).status()).isEqualTo(204);
        assertThat(inbound()).isEmpty();
        // No numbers left to call from: LiveKit does not keep an outbound trunk without numbers.
        assertThat(outbound()).isEmpty();

        assertThat(api.delete("/api/telephony/connections/" + connectionId).status())
                .isEqualTo(204);
        assertThat(api.get("/api/telephony/connections").json()).isEmpty();
        assertThat(api.get("/api/telephony/connections/" + connectionId).status())
                .isEqualTo(404);
    }

    // --- idempotency, drift, unmanaged objects ------------------------------------------------

    @Test
    void aSecondSyncChangesNothing() {
        String connectionId =
                createConnection(List.of("192.0.2.0/24"), true).get("id").asString();
        String number = createNumber(connectionId, NUMBER_1).get("id").asString();
        createRoute(number, "de", "Guten Tag");
        List<SIPInboundTrunkInfo> trunksBefore = inbound();
        List<SIPOutboundTrunkInfo> outBefore = outbound();
        List<SIPDispatchRuleInfo> rulesBefore = rules();

        JsonNode first = api.post("/api/telephony/sync", "").json();
        JsonNode second = api.post("/api/telephony/sync", "").json();

        assertThat(first.get("status").asString()).isEqualTo("synced");
        assertThat(first.get("changes")).isEmpty();
        assertThat(second.get("status").asString()).isEqualTo("synced");
        assertThat(second.get("changes")).isEmpty();
        assertThat(inbound()).isEqualTo(trunksBefore);
        assertThat(outbound()).isEqualTo(outBefore);
        assertThat(rules()).isEqualTo(rulesBefore);
    }

    @Test
    void handEditsInLiveKitAreReportedAsDriftAndRepairedByTheNextSync() {
        String connectionId =
                createConnection(List.of("192.0.2.0/24"), true).get("id").asString();
        String number = createNumber(connectionId, NUMBER_1).get("id").asString();
        String route = createRoute(number, "de", "").get("id").asString();
        SIPInboundTrunkInfo trunk = inboundNamed("sofia:number:" + number);
        SIPDispatchRuleInfo rule = ruleNamed("sofia:route:" + route);

        // By hand: other numbers and addresses on the trunk, a new password, the rule deleted, and
        // a stray object named like Sofia's.
        UpdateSipInboundTrunkOptions edit = new UpdateSipInboundTrunkOptions();
        edit.setNumbers(List.of(NUMBER_1, NUMBER_2));
        edit.setAllowedAddresses(List.of("203.0.113.0/24"));
        edit.setAuthPassword("changed-by-hand-123");
        LiveKitClients.require("edit", clients.sip().updateSipInboundTrunk(trunk.getSipTrunkId(), edit));
        LiveKitClients.require("delete", clients.sip().deleteSipDispatchRule(rule.getSipDispatchRuleId()));
        CreateSipInboundTrunkOptions strayOptions = new CreateSipInboundTrunkOptions();
        strayOptions.setAllowedAddresses(List.of("198.51.100.0/24"));
        SIPInboundTrunkInfo stray = LiveKitClients.require(
                "stray",
                clients.sip()
                        .createSipInboundTrunk("sofia:number:" + UUID.randomUUID(), List.of(NUMBER_3), strayOptions));

        JsonNode report = api.get("/api/telephony/sync").json();
        assertThat(report.get("inSync").asBoolean()).isFalse();
        List<String> drift = Api.list(report.get("drift")).stream()
                .map(d -> d.get("object").asString() + " " + d.get("field").asString())
                .toList();
        assertThat(drift)
                .containsExactlyInAnyOrder(
                        "inbound-trunk numbers",
                        "inbound-trunk allowedAddresses",
                        "inbound-trunk authPassword",
                        "dispatch-rule exists",
                        "inbound-trunk exists");
        JsonNode addresses = driftOf(report, trunk.getSipTrunkId(), "allowedAddresses");
        assertThat(addresses.get("name").asString()).isEqualTo("sofia:number:" + number);
        assertThat(Api.list(addresses.get("expected")))
                .extracting(JsonNode::asString)
                .containsExactly("192.0.2.0/24");
        assertThat(Api.list(addresses.get("actual")))
                .extracting(JsonNode::asString)
                .containsExactly("203.0.113.0/24");
        JsonNode numbers = driftOf(report, trunk.getSipTrunkId(), "numbers");
        assertThat(Api.list(numbers.get("actual")))
                .extracting(JsonNode::asString)
                .containsExactly(NUMBER_1, NUMBER_2);
        // Passwords are compared, never shown.
        assertThat(report.toString()).doesNotContain("changed-by-hand-123").doesNotContain(IN_PASSWORD);
        JsonNode missing = Api.list(report.get("drift")).stream()
                .filter(d -> d.get("object").asString().equals("dispatch-rule"))
                .findFirst()
                .orElseThrow();
        assertThat(missing.get("name").asString()).isEqualTo("sofia:route:" + route);
        assertThat(missing.get("expected").asBoolean()).isTrue();
        assertThat(missing.get("actual").asBoolean()).isFalse();

        JsonNode repair = api.post("/api/telephony/sync", "").json();
        assertThat(repair.get("status").asString()).isEqualTo("synced");
        assertThat(Api.list(repair.get("changes")).stream()
                        .map(c -> c.get("action").asString() + " "
                                + c.get("object").asString())
                        .toList())
                .containsExactlyInAnyOrder("deleted inbound-trunk", "updated inbound-trunk", "created dispatch-rule");

        SIPInboundTrunkInfo repaired = inboundNamed("sofia:number:" + number);
        assertThat(repaired.getSipTrunkId()).isEqualTo(trunk.getSipTrunkId());
        assertThat(repaired.getNumbersList()).containsExactly(NUMBER_1);
        assertThat(repaired.getAllowedAddressesList()).containsExactly("192.0.2.0/24");
        assertThat(repaired.getAuthPassword()).isEqualTo(IN_PASSWORD);
        assertThat(ruleNamed("sofia:route:" + route).getTrunkIdsList()).containsExactly(trunk.getSipTrunkId());
        assertThat(inbound()).extracting(SIPInboundTrunkInfo::getSipTrunkId).doesNotContain(stray.getSipTrunkId());
        JsonNode after = api.get("/api/telephony/sync").json();
        assertThat(after.get("inSync").asBoolean()).isTrue();
        assertThat(after.get("drift")).isEmpty();
    }

    @Test
    void objectsNotNamedSofiaAreNeverTouched() {
        CreateSipInboundTrunkOptions inOptions = new CreateSipInboundTrunkOptions();
        inOptions.setAllowedAddresses(List.of("203.0.113.9"));
        SIPInboundTrunkInfo manualTrunk = LiveKitClients.require(
                "manual", clients.sip().createSipInboundTrunk("carrier trunk", List.of("+4989123456"), inOptions));
        SIPOutboundTrunkInfo manualOut = LiveKitClients.require(
                "manual",
                clients.sip()
                        .createSipOutboundTrunk(
                                "manual out",
                                "sip.other.example",
                                List.of("+4989123456"),
                                new CreateSipOutboundTrunkOptions()));
        CreateSipDispatchRuleOptions ruleOptions = new CreateSipDispatchRuleOptions();
        ruleOptions.setName("sofia-lookalike but not managed");
        ruleOptions.setTrunkIds(List.of(manualTrunk.getSipTrunkId()));
        SIPDispatchRuleInfo manualRule = LiveKitClients.require(
                "manual",
                clients.sip().createSipDispatchRule(new SipDispatchRuleIndividual("manual-", null), ruleOptions));
        List<SIPInboundTrunkInfo> inboundBefore = inbound();
        List<SIPOutboundTrunkInfo> outboundBefore = outbound();
        List<SIPDispatchRuleInfo> rulesBefore = rules();
        assertThat(rulesBefore)
                .extracting(SIPDispatchRuleInfo::getSipDispatchRuleId)
                .containsExactly(manualRule.getSipDispatchRuleId());

        String connectionId =
                createConnection(List.of("192.0.2.0/24"), true).get("id").asString();
        String number = createNumber(connectionId, NUMBER_1).get("id").asString();
        String route = createRoute(number, "de", "").get("id").asString();
        api.post("/api/telephony/sync", "");
        assertThat(api.get("/api/telephony/sync").json().get("drift")).isEmpty();
        api.delete("/api/telephony/routes/" + route);
        api.delete("/api/telephony/numbers/" + number);
        api.delete("/api/telephony/connections/" + connectionId);
        api.post("/api/telephony/sync", "");

        assertThat(inbound()).isEqualTo(inboundBefore);
        assertThat(outbound()).isEqualTo(outboundBefore);
        assertThat(rules()).isEqualTo(rulesBefore);
        assertThat(inboundBefore)
                .extracting(SIPInboundTrunkInfo::getSipTrunkId)
                .containsExactly(manualTrunk.getSipTrunkId());
        assertThat(outboundBefore)
                .extracting(SIPOutboundTrunkInfo::getSipTrunkId)
                .containsExactly(manualOut.getSipTrunkId());
    }

    @Test
    void aDispatchRuleWithoutTrunkIdsIsNeverCreated() {
        SipSpecs.DispatchRuleSpec spec = new SipSpecs.DispatchRuleSpec(
                UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "sofia", "de", "");

        assertThatThrownBy(() -> gateway.createRule(spec, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("without trunk ids");
        assertThatThrownBy(() -> gateway.createRule(spec, List.of(" "))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.updateRule("SDR_x", spec, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(rules()).isEmpty();
    }

    @Test
    void aRuleRescopedByHandIsScopedBackToItsNumbersTrunk() {
        String connectionId =
                createConnection(List.of("192.0.2.0/24"), true).get("id").asString();
        String number = createNumber(connectionId, NUMBER_1).get("id").asString();
        String route = createRoute(number, "de", "").get("id").asString();
        SIPDispatchRuleInfo rule = ruleNamed("sofia:route:" + route);
        // By hand, scoped to a trunk that is not the number's.
        CreateSipInboundTrunkOptions otherOptions = new CreateSipInboundTrunkOptions();
        otherOptions.setAllowedAddresses(List.of("203.0.113.0/24"));
        SIPInboundTrunkInfo other = LiveKitClients.require(
                "other", clients.sip().createSipInboundTrunk("other", List.of(NUMBER_3), otherOptions));
        UpdateSipDispatchRuleOptions edit = new UpdateSipDispatchRuleOptions();
        edit.setTrunkIds(List.of(other.getSipTrunkId()));
        LiveKitClients.require("edit", clients.sip().updateSipDispatchRule(rule.getSipDispatchRuleId(), edit));

        JsonNode drift = driftOf(api.get("/api/telephony/sync").json(), rule.getSipDispatchRuleId(), "trunkIds");
        assertThat(Api.list(drift.get("actual"))).extracting(JsonNode::asString).containsExactly(other.getSipTrunkId());
        api.post("/api/telephony/sync", "");

        assertThat(ruleNamed("sofia:route:" + route).getTrunkIdsList())
                .containsExactly(inboundNamed("sofia:number:" + number).getSipTrunkId());
    }

    // --- secrets ---------------------------------------------------------------------------------

    @Test
    void passwordsAreStoredEncryptedAndNeverReturned() {
        Api.Response created = api.post("/api/telephony/connections", Api.json(connectionBody(List.of(), true)));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();

        for (String body : List.of(
                created.raw().body(),
                api.get("/api/telephony/connections/" + id).raw().body(),
                api.get("/api/telephony/connections").raw().body())) {
            assertThat(body)
                    .doesNotContain(IN_PASSWORD)
                    .doesNotContain(OUT_PASSWORD)
                    .doesNotContain("assword\":\"");
        }
        Map<String, Object> row = fixtures.jdbc()
                .sql("select inbound_password, outbound_password from telephony_connections where id = ?::uuid")
                .param(id)
                .query()
                .singleRow();
        for (Object column : row.values()) {
            byte[] sealed = (byte[]) column;
            assertThat(sealed[0]).isEqualTo(SecretBox.VERSION);
            String asText = new String(sealed, StandardCharsets.ISO_8859_1);
            assertThat(asText).doesNotContain("secret");
        }
        // The ciphertext is bound to its row: copied to another connection it does not decrypt, and
        // that connection's trunks are then left alone rather than synced with a wrong password.
        String other =
                createConnection(List.of("192.0.2.0/24"), false).get("id").asString();
        createNumber(other, NUMBER_2);
        String before = inbound().getFirst().getAuthPassword();
        fixtures.jdbc().sql("""
                        update telephony_connections set inbound_username = 'copied', inbound_password =
                            (select inbound_password from telephony_connections where id = ?::uuid)
                        where id = ?::uuid
                        """).params(id, other).update();
        JsonNode report = api.post("/api/telephony/sync", "").json();
        assertThat(report.get("status").asString()).isEqualTo("pending");
        JsonNode stored = api.get("/api/telephony/connections/" + other).json();
        assertThat(stored.at("/sync/status").asString()).isEqualTo("pending");
        assertThat(stored.at("/sync/error").asString()).contains("cannot be decrypted");
        assertThat(inbound()).hasSize(1);
        assertThat(inbound().getFirst().getAuthPassword()).isEqualTo(before);
    }

    // --- bad input -------------------------------------------------------------------------------

    @Test
    void badInputIsRefusedNamingTheFieldAndWritesNothing() {
        String connectionId =
                createConnection(List.of("192.0.2.0/24"), false).get("id").asString();
        String numberId = createNumber(connectionId, NUMBER_1).get("id").asString();
        Map<String, Integer> before = counts();
        List<String> livekitBefore = allNames();

        Map<String, Object> unknownCarrier = connectionBody(List.of("192.0.2.0/24"), false);
        unknownCarrier.put("carrier", "deutsche-telekom");
        expectProblem(
                api.post("/api/telephony/connections", Api.json(unknownCarrier)), 400, "carrier", "must be one of");

        Map<String, Object> noAuth = connectionBody(List.of(), false);
        inbound(noAuth).remove("username");
        inbound(noAuth).remove("password");
        expectProblem(
                api.post("/api/telephony/connections", Api.json(noAuth)), 400, "inbound", "needs allowedAddresses");

        for (String cidr : List.of("192.0.2.0/33", "300.1.2.3", "10.0.0.1/8", "0.0.0.0/0", "example.com", "")) {
            Map<String, Object> badCidr = connectionBody(List.of("198.51.100.0/24", cidr), false);
            expectProblem(
                    api.post("/api/telephony/connections", Api.json(badCidr)), 400, "inbound.allowedAddresses[1]", "");
        }

        Map<String, Object> shortPassword = connectionBody(List.of(), false);
        inbound(shortPassword).put("password", "short");
        expectProblem(
                api.post("/api/telephony/connections", Api.json(shortPassword)), 400, "inbound.password", "12 to 128");

        Map<String, Object> badOutbound = connectionBody(List.of("192.0.2.0/24"), true);
        outbound(badOutbound).put("address", "sip:user@carrier.example");
        outbound(badOutbound).put("transport", "sctp");
        Api.Response both = api.post("/api/telephony/connections", Api.json(badOutbound));
        expectProblem(both, 400, "outbound.address", "host or host:port");
        expectProblem(both, 400, "outbound.transport", "udp, tcp or tls");

        for (String bad : List.of("030 901820", "+49301", "+49 30 abc", "")) {
            expectProblem(api.post("/api/telephony/numbers", numberBody(connectionId, bad, "x")), 400, "number", "");
        }
        expectProblem(
                api.post("/api/telephony/numbers", numberBody(UUID.randomUUID().toString(), NUMBER_2, "x")),
                422,
                "connectionId",
                "no such telephony connection");
        Api.Response duplicate = api.post("/api/telephony/numbers", numberBody(connectionId, "+49 30 901820", "again"));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("type").asString()).isEqualTo("/problems/duplicate-number");

        expectProblem(
                api.post("/api/telephony/routes", routeBody(numberId, "fr", "", true)),
                400,
                "language",
                "de, en or ru");
        expectProblem(
                api.post("/api/telephony/routes", routeBody(numberId, "de", "x".repeat(501), true)),
                400,
                "greeting",
                "at most 500");
        expectProblem(
                api.post("/api/telephony/routes", routeBody(UUID.randomUUID().toString(), "de", "", true)),
                422,
                "phoneNumberId",
                "no such phone number");
        assertThat(api.post("/api/telephony/routes", "{\"phoneNumberId\": \"not-a-uuid\"}")
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/telephony/connections", "{not json").status()).isEqualTo(400);

        assertThat(counts()).isEqualTo(before);
        assertThat(allNames()).isEqualTo(livekitBefore);
    }

    // --- helpers ---------------------------------------------------------------------------------

    private JsonNode createConnection(List<String> addresses, boolean withOutbound) {
        Api.Response response =
                api.post("/api/telephony/connections", Api.json(connectionBody(addresses, withOutbound)));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        assertThat(response.header("Location"))
                .endsWith(response.json().get("id").asString());
        return response.json();
    }

    private JsonNode createNumber(String connectionId, String number) {
        Api.Response response = api.post("/api/telephony/numbers", numberBody(connectionId, number, "Praxis"));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.json();
    }

    private JsonNode createRoute(String numberId, String language, String greeting) {
        Api.Response response = api.post("/api/telephony/routes", routeBody(numberId, language, greeting, true));
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.json();
    }

    static Map<String, Object> connectionBody(List<String> addresses, boolean withOutbound) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Telnyx Berlin");
        body.put("carrier", "telnyx");
        Map<String, Object> inbound = new LinkedHashMap<>();
        inbound.put("allowedAddresses", new ArrayList<>(addresses));
        inbound.put("username", "sofia-in");
        inbound.put("password", IN_PASSWORD);
        body.put("inbound", inbound);
        if (withOutbound) {
            Map<String, Object> outbound = new LinkedHashMap<>();
            outbound.put("address", "SIP.example.com:5061");
            outbound.put("transport", "tls");
            outbound.put("username", "out-user");
            outbound.put("password", OUT_PASSWORD);
            body.put("outbound", outbound);
        }
        return body;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> inbound(Map<String, Object> body) {
        return (Map<String, Object>) body.get("inbound");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outbound(Map<String, Object> body) {
        return (Map<String, Object>) body.get("outbound");
    }

    static String numberBody(String connectionId, String number, String label) {
        return Api.json(Map.of("connectionId", connectionId, "number", number, "label", label));
    }

    static String routeBody(String numberId, String language, String greeting, boolean enabled) {
        return Api.json(
                Map.of("phoneNumberId", numberId, "language", language, "greeting", greeting, "enabled", enabled));
    }

    private static void expectProblem(Api.Response response, int status, String field, String reason) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Api.list(response.json().get("errors")))
                .as(response.raw().body())
                .anySatisfy(e -> {
                    assertThat(e.get("field").asString()).isEqualTo(field);
                    assertThat(e.get("reason").asString()).contains(reason);
                });
    }

    private static JsonNode driftOf(JsonNode report, String livekitId, String field) {
        return Api.list(report.get("drift")).stream()
                .filter(d -> livekitId.equals(d.path("livekitId").asString(null))
                        && d.get("field").asString().equals(field))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no drift " + field + " of " + livekitId + " in " + report));
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : List.of("telephony_connections", "phone_numbers", "call_routes", "transfer_targets")) {
            counts.put(table, fixtures.count(table));
        }
        return counts;
    }

    private List<String> allNames() {
        List<String> names = new ArrayList<>();
        inbound().forEach(t -> names.add(t.getSipTrunkId() + " " + t));
        outbound().forEach(t -> names.add(t.getSipTrunkId() + " " + t));
        rules().forEach(r -> names.add(r.getSipDispatchRuleId() + " " + r));
        return names;
    }

    private List<SIPInboundTrunkInfo> inbound() {
        return LiveKitClients.require("list", clients.sip().listSipInboundTrunk());
    }

    private List<SIPOutboundTrunkInfo> outbound() {
        return LiveKitClients.require("list", clients.sip().listSipOutboundTrunk());
    }

    private List<SIPDispatchRuleInfo> rules() {
        return LiveKitClients.require("list", clients.sip().listSipDispatchRule());
    }

    private static List<String> names(List<SIPDispatchRuleInfo> rules) {
        return rules.stream().map(SIPDispatchRuleInfo::getName).toList();
    }

    private SIPInboundTrunkInfo inboundNamed(String name) {
        List<SIPInboundTrunkInfo> found =
                inbound().stream().filter(t -> t.getName().equals(name)).toList();
        assertThat(found).as("inbound trunks named " + name).hasSize(1);
        return found.getFirst();
    }

    private SIPOutboundTrunkInfo outboundNamed(String name) {
        List<SIPOutboundTrunkInfo> found =
                outbound().stream().filter(t -> t.getName().equals(name)).toList();
        assertThat(found).as("outbound trunks named " + name).hasSize(1);
        return found.getFirst();
    }

    private SIPDispatchRuleInfo ruleNamed(String name) {
        List<SIPDispatchRuleInfo> found =
                rules().stream().filter(r -> r.getName().equals(name)).toList();
        assertThat(found).as("dispatch rules named " + name).hasSize(1);
        return found.getFirst();
    }
}
