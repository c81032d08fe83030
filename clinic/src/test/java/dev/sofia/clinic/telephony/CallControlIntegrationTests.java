package dev.sofia.clinic.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.livekit.LiveKitClients;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.livekit.LiveKitIntegrationTest;
import dev.sofia.clinic.support.livekit.LiveKitServerExtension;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import livekit.LivekitModels.Room;
import livekit.LivekitSip.SIPDispatchRuleInfo;
import livekit.LivekitSip.SIPInboundTrunkInfo;
import livekit.LivekitSip.SIPOutboundTrunkInfo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Transfer targets and call control against a real livekit-server with Redis but without
 * livekit-sip: every path that needs no real phone call is checked, and the calls that do are
 * shown to reach LiveKit and come back as clear problems instead of 500s. The last test stops
 * LiveKit to show that a change still stands, marked pending, while LiveKit is unreachable.
 */
@LiveKitIntegrationTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CallControlIntegrationTests {

    static final String MAIN = "+4930901829";
    static final String EMERGENCY = "+4930901828";

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

    @BeforeEach
    void emptyDatabaseAndLiveKit() {
        fixtures.reset();
        for (SIPDispatchRuleInfo rule :
                LiveKitClients.require("list", clients.sip().listSipDispatchRule())) {
            LiveKitClients.execute("cleanup", clients.sip().deleteSipDispatchRule(rule.getSipDispatchRuleId()));
        }
        for (SIPInboundTrunkInfo trunk :
                LiveKitClients.require("list", clients.sip().listSipInboundTrunk())) {
            LiveKitClients.execute("cleanup", clients.sip().deleteSipTrunk(trunk.getSipTrunkId()));
        }
        for (SIPOutboundTrunkInfo trunk :
                LiveKitClients.require("list", clients.sip().listSipOutboundTrunk())) {
            LiveKitClients.execute("cleanup", clients.sip().deleteSipTrunk(trunk.getSipTrunkId()));
        }
    }

    @Test
    @Order(1)
    void transferTargetsAreValidatedAndThereIsOneMainAndOneEmergencyAtMost() {
        Api.Response main = api.post("/api/telephony/transfer-targets", target("main", "+49 30 901829", "Empfang"));
        assertThat(main.status()).isEqualTo(201);
        assertThat(main.json().get("number").asString()).isEqualTo(MAIN);
        String id = main.json().get("id").asString();
        assertThat(main.header("Location")).endsWith(id);

        Api.Response second = api.post("/api/telephony/transfer-targets", target("main", EMERGENCY, "Zweite"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("type").asString()).isEqualTo("/problems/duplicate-transfer-target");
        problem(api.post("/api/telephony/transfer-targets", target("boss", MAIN, "")), 400, "kind");
        problem(api.post("/api/telephony/transfer-targets", target("other", "0049 30", "")), 400, "number");
        problem(api.post("/api/telephony/transfer-targets", target("other", MAIN, "x".repeat(101))), 400, "label");
        assertThat(fixtures.count("transfer_targets")).isEqualTo(1);

        assertThat(api.post("/api/telephony/transfer-targets", target("other", EMERGENCY, "Labor"))
                        .status())
                .isEqualTo(201);
        Api.Response changed = api.put("/api/telephony/transfer-targets/" + id, target("emergency", MAIN, "Notfall"));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("kind").asString()).isEqualTo("emergency");
        assertThat(Api.list(api.get("/api/telephony/transfer-targets").json()))
                .extracting(t -> t.get("kind").asString())
                .containsExactlyInAnyOrder("emergency", "other");
        assertThat(api.delete("/api/telephony/transfer-targets/" + id).status()).isEqualTo(204);
        assertThat(api.delete("/api/telephony/transfer-targets/" + id).status()).isEqualTo(404);
        assertThat(api.get("/api/telephony/transfer-targets/" + UUID.randomUUID())
                        .status())
                .isEqualTo(404);
    }

    @Test
    @Order(2)
    void aTransferGoesOnlyToAConfiguredTargetAndNeedsAPhoneCallerInTheRoom() {
        api.post("/api/telephony/transfer-targets", target("main", MAIN, "Empfang"));
        String room = "call-" + UUID.randomUUID();
        LiveKitClients.require("create room", clients.rooms().createRoom(room, 60));

        // A number is never dialled, whoever asks: only main, emergency or a target's id.
        problem(transfer(room, MAIN), 400, "target");
        problem(transfer(room, "tel:" + MAIN), 400, "target");
        problem(transfer(room, ""), 400, "target");
        problem(transfer(room, "emergency"), 422, "target");
        problem(transfer(room, UUID.randomUUID().toString()), 422, "target");
        problem(transfer("web-" + UUID.randomUUID(), "main"), 400, "room");

        Api.Response noRoom = transfer("call-" + UUID.randomUUID(), "main");
        assertThat(noRoom.status()).isEqualTo(404);
        assertThat(noRoom.json().get("type").asString()).isEqualTo("/problems/call-not-found");

        // The room is real (LiveKit answered), but nobody called in on a phone.
        Api.Response noCaller = transfer(room, "main");
        assertThat(noCaller.status()).isEqualTo(409);
        assertThat(noCaller.json().get("type").asString()).isEqualTo("/problems/no-sip-participant");
    }

    @Test
    @Order(3)
    void hangUpAndStatusNeedAPhoneCaller() {
        String room = "call-" + UUID.randomUUID();
        LiveKitClients.require("create room", clients.rooms().createRoom(room, 60));

        for (Api.Response response : List.of(
                api.post("/api/telephony/calls/" + room + "/hangup", ""),
                api.get("/api/telephony/calls/" + room + "/status"))) {
            assertThat(response.status()).isEqualTo(409);
            assertThat(response.json().get("type").asString()).isEqualTo("/problems/no-sip-participant");
        }
        for (Api.Response response : List.of(
                api.post("/api/telephony/calls/call-gone/hangup", ""),
                api.get("/api/telephony/calls/callback-gone/status"))) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().get("type").asString()).isEqualTo("/problems/call-not-found");
            // Room names of phone calls hold the caller's number: the detail never repeats one.
            assertThat(response.json().get("detail").asString()).doesNotContain("gone");
        }
        problem(api.get("/api/telephony/calls/web-123/status"), 400, "room");
    }

    @Test
    @Order(4)
    void aCallbackNeedsAValidNumberAndASyncedOutboundTrunk() {
        problem(api.post("/api/telephony/outbound-calls", "{\"number\": \"12345\"}"), 400, "number");
        problem(
                api.post("/api/telephony/outbound-calls", "{\"number\": \"" + MAIN + "\", \"language\": \"fr\"}"),
                400,
                "language");
        Api.Response none = api.post("/api/telephony/outbound-calls", "{\"number\": \"" + MAIN + "\"}");
        assertThat(none.status()).isEqualTo(409);
        assertThat(none.json().get("type").asString()).isEqualTo("/problems/no-outbound-trunk");
        problem(
                api.post(
                        "/api/telephony/outbound-calls",
                        Api.json(Map.of(
                                "number",
                                MAIN,
                                "connectionId",
                                UUID.randomUUID().toString()))),
                422,
                "connectionId");

        // An outbound address but no number yet: LiveKit has no outbound trunk to call from.
        String connection = connection("Telnyx");
        Api.Response noTrunk =
                api.post("/api/telephony/outbound-calls", Api.json(Map.of("number", MAIN, "connectionId", connection)));
        assertThat(noTrunk.status()).isEqualTo(409);
        assertThat(noTrunk.json().get("detail").asString()).contains("not in LiveKit yet");
        assertThat(api.post(
                                "/api/telephony/numbers",
                                TelephonySyncIntegrationTests.numberBody(connection, "+4930901820", "Praxis"))
                        .status())
                .isEqualTo(201);

        // Synced: the call reaches LiveKit, which has no SIP service to place it here.
        Api.Response placed = api.post("/api/telephony/outbound-calls", "{\"number\": \"+49 151 12345678\"}");
        assertThat(placed.status()).as(placed.raw().body()).isEqualTo(503);
        assertThat(placed.json().get("type").asString()).isEqualTo("/problems/sip-unavailable");
        // The callback room it opened was removed again.
        List<Room> rooms = LiveKitClients.require("list rooms", clients.rooms().listRooms());
        assertThat(rooms).extracting(Room::getName).noneMatch(n -> n.startsWith(CallControl.CALLBACK_ROOM_PREFIX));

        // With two connections able to call out, the request must say which.
        String other = connection("Novofon");
        api.post("/api/telephony/numbers", TelephonySyncIntegrationTests.numberBody(other, "+4930901821", "Labor"));
        problem(api.post("/api/telephony/outbound-calls", "{\"number\": \"" + MAIN + "\"}"), 400, "connectionId");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void whileLiveKitIsUnreachableChangesStandAndAreMarkedPending() {
        livekit.server().close();

        Api.Response created = api.post(
                "/api/telephony/connections",
                Api.json(TelephonySyncIntegrationTests.connectionBody(List.of("192.0.2.0/24"), false)));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/sync/status").asString()).isEqualTo("pending");
        assertThat(created.json().at("/sync/error").asString()).contains("LiveKit did not answer");
        assertThat(fixtures.count("telephony_connections")).isEqualTo(1);
        JsonNode sync = api.post("/api/telephony/sync", "").json();
        assertThat(sync.get("status").asString()).isEqualTo("pending");
        assertThat(sync.get("error").asString()).isNotBlank();
        JsonNode report = api.get("/api/telephony/sync").json();
        assertThat(report.get("inSync").asBoolean()).isFalse();
        assertThat(report.get("error").asString()).isNotBlank();
        assertThat(report.at("/connections/0/status").asString()).isEqualTo("pending");
    }

    private String connection(String name) {
        Map<String, Object> body = TelephonySyncIntegrationTests.connectionBody(List.of("192.0.2.0/24"), true);
        body.put("name", name);
        Api.Response response = api.post("/api/telephony/connections", Api.json(body));
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private Api.Response transfer(String room, String target) {
        return api.post("/api/telephony/calls/" + room + "/transfer", Api.json(Map.of("target", target)));
    }

    private static String target(String kind, String number, String label) {
        return Api.json(Map.of("kind", kind, "number", number, "label", label));
    }

    private static void problem(Api.Response response, int status, String field) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Api.list(response.json().get("errors")))
                .as(response.raw().body())
                .extracting(e -> e.get("field").asString())
                .contains(field);
    }
}
