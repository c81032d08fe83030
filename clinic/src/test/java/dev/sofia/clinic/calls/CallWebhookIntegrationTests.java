package dev.sofia.clinic.calls;

import static dev.sofia.clinic.calls.Webhooks.agent;
import static dev.sofia.clinic.calls.Webhooks.caller;
import static dev.sofia.clinic.calls.Webhooks.event;
import static dev.sofia.clinic.calls.Webhooks.leaving;
import static dev.sofia.clinic.calls.Webhooks.sipCaller;
import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.sofia.clinic.livekit.AgentRooms;
import dev.sofia.clinic.livekit.LiveKitConnection;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The webhook endpoint and what webhooks do to call sessions, in the shared app context (whose
 * local livekit-server signs with the key the app reads from {@link LiveKitConnection}). Events are
 * built and signed here, so every order and every forgery can be tried.
 */
@ClinicIntegrationTest
class CallWebhookIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    LiveKitConnection connection;

    Webhooks webhooks;
    String room;
    Instant t0;

    @BeforeEach
    void setUp() {
        clock.reset();
        jdbc.sql("truncate call_events, call_sessions cascade").update();
        // As LiveKit does: no staff credentials, only the webhook's own signature.
        webhooks = new Webhooks(api.anonymous(), connection.apiKey(), connection.apiSecret());
        room = "web-test-" + UUID.randomUUID();
        t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(60);
    }

    // --- security ------------------------------------------------------------------------------

    @Test
    void aValidWebhookIsStoredAndAnsweredWithAnEmptyOk() {
        WebhookEvent started = event("room_started", room, t0).build();

        Api.Response response = webhooks.deliver(started);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().body()).isEmpty();
        assertThat(eventIds()).containsExactly(started.getId());
        JsonNode session = sessionOf(room);
        assertThat(session.path("status").asString()).isEqualTo("ringing");
        assertThat(session.path("channel").asString()).isEqualTo("web");
    }

    @Test
    void aDiagnoseTestRoomIsStoredButIsNoCall() {
        String diagnoseRoom = AgentRooms.DIAGNOSE_ROOM_PREFIX + "1a2b3c4d";
        WebhookEvent started = event("room_started", diagnoseRoom, t0).build();

        assertThat(webhooks.deliver(started).status()).isEqualTo(200);
        assertThat(eventIds()).containsExactly(started.getId());
        assertThat(count("call_sessions")).isZero();
    }

    @Test
    void aMissingAuthorizationHeaderIsRefused() {
        String body = Webhooks.json(event("room_started", room, t0).build());

        assertUnauthorized(webhooks.post(body.getBytes(StandardCharsets.UTF_8), null));
        assertUnauthorized(webhooks.post(body.getBytes(StandardCharsets.UTF_8), ""));
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String body = Webhooks.json(event("room_started", room, t0).build());
        String forged = Webhooks.sign(
                body,
                connection.apiKey(),
                "not-the-secret-but-long-enough-0123456789",
                Instant.now().plusSeconds(300));

        assertUnauthorized(webhooks.post(body.getBytes(StandardCharsets.UTF_8), forged));
    }

    @Test
    void aTokenFromAnUnknownIssuerIsRefusedEvenWithTheRightSecret() {
        String body = Webhooks.json(event("room_started", room, t0).build());
        String token = Webhooks.sign(
                body, "someone-else", connection.apiSecret(), Instant.now().plusSeconds(300));

        assertUnauthorized(webhooks.post(body.getBytes(StandardCharsets.UTF_8), token));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String body = Webhooks.json(event("room_started", room, t0).build());
        String expired = Webhooks.sign(
                body, connection.apiKey(), connection.apiSecret(), Instant.now().minusSeconds(60));

        assertUnauthorized(webhooks.post(body.getBytes(StandardCharsets.UTF_8), expired));
    }

    @Test
    void anUnsignedAlgNoneTokenIsRefused() {
        String body = Webhooks.json(event("room_started", room, t0).build());
        String unsigned = JWT.create()
                .withIssuer(connection.apiKey())
                .withClaim("sha256", Webhooks.sha256(body.getBytes(StandardCharsets.UTF_8)))
                .withExpiresAt(Instant.now().plusSeconds(300))
                .sign(Algorithm.none());

        assertUnauthorized(webhooks.post(body.getBytes(StandardCharsets.UTF_8), unsigned));
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        String signedBody = Webhooks.json(event("room_started", room, t0).build());
        String token = webhooks.sign(signedBody);
        String changed = signedBody.replace(room, room + "-x");
        assertThat(changed).isNotEqualTo(signedBody);

        assertUnauthorized(webhooks.post(changed.getBytes(StandardCharsets.UTF_8), token));
        // One byte of whitespace is a change too: the hash is over the exact bytes.
        assertUnauthorized(webhooks.post((signedBody + " ").getBytes(StandardCharsets.UTF_8), token));
    }

    @Test
    void aBodyThatIsNotValidUtf8IsRefusedEvenIfSignedAsALenientDecoderWouldReadIt() {
        String text = Webhooks.json(event("room_started", room, t0).build());
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // A lone continuation byte inside the room name. A lenient decoder reads it as U+FFFD, and
        // the text it then hashes is not the bytes that came: sign exactly that text's hash.
        byte[] invalid = new byte[utf8.length + 1];
        int at = text.indexOf(room) + 4;
        System.arraycopy(utf8, 0, invalid, 0, at);
        invalid[at] = (byte) 0x80;
        System.arraycopy(utf8, at, invalid, at + 1, utf8.length - at);
        byte[] asLenientlyDecoded = new String(invalid, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        String token = JWT.create()
                .withIssuer(connection.apiKey())
                .withClaim("sha256", Webhooks.sha256(asLenientlyDecoded))
                .withExpiresAt(Instant.now().plusSeconds(300))
                .sign(Algorithm.HMAC256(connection.apiSecret()));

        assertUnauthorized(webhooks.post(invalid, token));
    }

    @Test
    void theSameEventDeliveredTwiceIsStoredOnce() {
        WebhookEvent joined = event("participant_joined", room, t0)
                .setParticipant(caller("caller-1", t0))
                .build();
        String body = Webhooks.json(joined);
        String token = webhooks.sign(body);

        Api.Response first = webhooks.post(body.getBytes(StandardCharsets.UTF_8), token);
        Api.Response second = webhooks.post(body.getBytes(StandardCharsets.UTF_8), token);

        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(eventIds()).containsExactly(joined.getId());
        assertThat(sessionOf(room).path("status").asString()).isEqualTo("active");
    }

    // --- lifecycle -------------------------------------------------------------------------------

    @Test
    void aPhoneCallGoesRingingActiveEndedAndShowsOnlyMaskedNumbers() {
        String phoneRoom = "call-" + UUID.randomUUID();
        var sip = sipCaller(
                "sip_caller_1",
                t0.plusSeconds(2),
                Map.of(
                        "sip.callID", "SCL_abc",
                        "sip.trunkID", "ST_trunk",
                        "sip.phoneNumber", "+4915112345678",
                        "sip.trunkPhoneNumber", "030 901820"));

        deliver(event("room_started", phoneRoom, t0).build());
        assertThat(sessionOf(phoneRoom).path("status").asString()).isEqualTo("ringing");
        deliver(event("participant_joined", phoneRoom, t0.plusSeconds(1))
                .setParticipant(agent("AJ_job1", t0.plusSeconds(1)))
                .build());
        assertThat(sessionOf(phoneRoom).path("status").asString()).isEqualTo("ringing");
        deliver(event("participant_joined", phoneRoom, t0.plusSeconds(2))
                .setParticipant(sip)
                .build());
        assertThat(sessionOf(phoneRoom).path("status").asString()).isEqualTo("active");
        deliver(event("participant_left", phoneRoom, t0.plusSeconds(40))
                .setParticipant(leaving(sip, DisconnectReason.CLIENT_INITIATED))
                .build());
        deliver(event("room_finished", phoneRoom, t0.plusSeconds(60)).build());

        Row row = row(phoneRoom);
        assertThat(row.status()).isEqualTo("ended");
        assertThat(row.endReason()).isEqualTo("client-initiated");
        assertThat(row.callerNumber()).isEqualTo("+4915112345678");
        assertThat(row.calledNumber()).isEqualTo("+4930901820");
        assertThat(row.agentJobId()).isEqualTo("AJ_job1");

        JsonNode call = sessionOf(phoneRoom);
        assertThat(call.path("channel").asString()).isEqualTo("phone");
        assertThat(call.path("callerNumber").asString()).isEqualTo("+49 •••• •••••78");
        assertThat(call.path("calledNumber").asString()).isEqualTo("+49 •• ••••20");
        assertThat(call.path("sipCallId").asString()).isEqualTo("SCL_abc");
        assertThat(call.path("agentIdentity").asString()).isEqualTo("agent-AJ_job1");
        assertThat(call.path("answeredAt").asString())
                .isEqualTo(t0.plusSeconds(2).toString());
        assertThat(call.path("endedAt").asString()).isEqualTo(t0.plusSeconds(40).toString());
        assertThat(call.path("durationSeconds").asLong()).isEqualTo(38);
        assertThat(call.toString()).doesNotContain("12345678", "901820");

        List<JsonNode> events = Api.list(
                api.get("/api/calls/" + call.path("id").asString() + "/events").json());
        assertThat(events)
                .extracting(e -> e.path("eventType").asString())
                .containsExactly(
                        "room_started",
                        "participant_joined",
                        "participant_joined",
                        "participant_left",
                        "room_finished");
    }

    @Test
    void roomsAreClassifiedByTheirName() {
        String callback = "callback-" + UUID.randomUUID();
        String incoming = "call-" + UUID.randomUUID();
        deliver(event("room_started", callback, t0).build());
        deliver(event("room_started", incoming, t0).build());
        deliver(event("room_started", room, t0).build());

        assertThat(sessionOf(callback).path("channel").asString()).isEqualTo("phone");
        assertThat(sessionOf(callback).path("direction").asString()).isEqualTo("outbound");
        assertThat(sessionOf(incoming).path("channel").asString()).isEqualTo("phone");
        assertThat(sessionOf(incoming).path("direction").asString()).isEqualTo("inbound");
        assertThat(sessionOf(room).path("channel").asString()).isEqualTo("web");
        assertThat(sessionOf(room).path("direction").asString()).isEqualTo("inbound");
    }

    @Test
    void aRoomThatFinishesWithoutACallerFails() {
        deliver(event("room_started", room, t0).build());
        deliver(event("participant_joined", room, t0.plusSeconds(1))
                .setParticipant(agent("AJ_2", t0.plusSeconds(1)))
                .build());
        deliver(event("room_finished", room, t0.plusSeconds(120)).build());

        Row row = row(room);
        assertThat(row.status()).isEqualTo("failed");
        assertThat(row.endReason()).isEqualTo("no-caller");
        assertThat(row.answeredAt()).isNull();
    }

    @Test
    void aCallerWhoLeftBeforeTheirJoinWasDeliveredEndsTheCallAndTheLateJoinDoesNotReopenIt() {
        var participant = caller("caller-2", t0.plusSeconds(1));

        deliver(event("participant_left", room, t0.plusSeconds(30))
                .setParticipant(leaving(participant, DisconnectReason.CLIENT_INITIATED))
                .build());
        deliver(event("participant_joined", room, t0.plusSeconds(1))
                .setParticipant(participant)
                .build());
        deliver(event("room_started", room, t0).build());

        Row row = row(room);
        assertThat(row.status()).isEqualTo("ended");
        assertThat(row.endReason()).isEqualTo("client-initiated");
        assertThat(row.answeredAt()).isEqualTo(t0.plusSeconds(1));
        assertThat(row.endedAt()).isEqualTo(t0.plusSeconds(30));
        assertThat(eventIds()).hasSize(3);
    }

    @Test
    void aJoinDeliveredAfterTheRoomFinishedTurnsNoCallerIntoAnEndedCall() {
        var participant = caller("caller-3", t0.plusSeconds(5));

        deliver(event("room_finished", room, t0.plusSeconds(90)).build());
        assertThat(row(room).status()).isEqualTo("failed");
        deliver(event("participant_joined", room, t0.plusSeconds(5))
                .setParticipant(participant)
                .build());

        Row row = row(room);
        assertThat(row.status()).isEqualTo("ended");
        assertThat(row.endReason()).isEqualTo("room-finished");
        assertThat(row.answeredAt()).isEqualTo(t0.plusSeconds(5));
    }

    @Test
    void aSecondPersonLeavingDoesNotEndTheCaller() {
        deliver(event("participant_joined", room, t0)
                .setParticipant(caller("caller-4", t0))
                .build());
        var staff = caller("staff-1", t0.plusSeconds(10));
        deliver(event("participant_joined", room, t0.plusSeconds(10))
                .setParticipant(staff)
                .build());
        deliver(event("participant_left", room, t0.plusSeconds(20))
                .setParticipant(staff)
                .build());
        deliver(event("participant_left", room, t0.plusSeconds(21))
                .setParticipant(agent("AJ_3", t0))
                .build());

        Row row = row(room);
        assertThat(row.status()).isEqualTo("active");
        assertThat(row.participantIdentity()).isEqualTo("caller-4");
    }

    // --- staff API -----------------------------------------------------------------------------

    @Test
    void callsAreListedNewestFirstAndPagedWithBefore() {
        List<String> rooms = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clock.set(t0.plusSeconds(i));
            rooms.add(room + "-" + i);
            deliver(event("room_started", rooms.getLast(), t0.plusSeconds(i)).build());
        }
        clock.reset();

        JsonNode first = api.get("/api/calls?limit=2").json();
        assertThat(Api.list(first.path("calls")))
                .extracting(c -> c.path("roomName").asString())
                .containsExactly(rooms.get(2), rooms.get(1));
        JsonNode second = api.get(
                        "/api/calls?limit=2&before=" + first.path("nextBefore").asString())
                .json();
        assertThat(Api.list(second.path("calls")))
                .extracting(c -> c.path("roomName").asString())
                .containsExactly(rooms.get(0));
        assertThat(second.has("nextBefore")).isFalse();

        assertThat(Api.list(
                        api.get("/api/calls?status=ringing&channel=web").json().path("calls")))
                .hasSize(3);
        assertThat(Api.list(api.get("/api/calls?status=ended").json().path("calls")))
                .isEmpty();
        String from = t0.plusSeconds(1).toString();
        assertThat(Api.list(api.get("/api/calls?from=" + from).json().path("calls")))
                .hasSize(2);
    }

    @Test
    void badListParametersAreRefusedNamingEachField() {
        Api.Response bad = api.get(
                "/api/calls?status=open&channel=fax&limit=0&from=2026-11-24T10:00:00Z" + "&to=2026-11-24T09:00:00Z");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().path("type").asString()).isEqualTo("/problems/invalid-input");
        assertThat(Api.list(bad.json().path("errors")))
                .extracting(e -> e.path("field").asString())
                .containsExactlyInAnyOrder("status", "channel", "limit", "to");

        assertThat(api.get("/api/calls?limit=201").status()).isEqualTo(400);
        Api.Response notADate = api.get("/api/calls?from=yesterday");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(notADate.json().path("errors").get(0).path("field").asString())
                .isEqualTo("from");
        Api.Response unknownCursor = api.get("/api/calls?before=" + UUID.randomUUID());
        assertThat(unknownCursor.status()).isEqualTo(422);
        assertThat(unknownCursor.json().path("type").asString()).isEqualTo("/problems/unknown-reference");
        assertThat(api.get("/api/calls/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/api/calls/" + UUID.randomUUID() + "/events").status())
                .isEqualTo(404);
        assertThat(api.get("/api/calls/not-a-uuid").status()).isEqualTo(400);
    }

    // --- helpers -------------------------------------------------------------------------------

    private void deliver(WebhookEvent event) {
        Api.Response response = webhooks.deliver(event);
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
    }

    private void assertUnauthorized(Api.Response response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("/problems/webhook-unauthorized");
        assertThat(count("call_events")).isZero();
        assertThat(count("call_sessions")).isZero();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private List<String> eventIds() {
        return jdbc.sql("select event_id from call_events order by received_at")
                .query(String.class)
                .list();
    }

    private JsonNode sessionOf(String roomName) {
        UUID id = jdbc.sql("select id from call_sessions where room_name = ?")
                .param(roomName)
                .query(UUID.class)
                .single();
        Api.Response response = api.get("/api/calls/" + id);
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private Row row(String roomName) {
        return jdbc.sql("""
                        select status, end_reason, answered_at, ended_at, participant_identity, caller_number,
                               called_number, agent_job_id
                        from call_sessions where room_name = ?
                        """)
                .param(roomName)
                .query((rs, n) -> new Row(
                        rs.getString(1),
                        rs.getString(2),
                        instant(rs.getObject(3, java.time.OffsetDateTime.class)),
                        instant(rs.getObject(4, java.time.OffsetDateTime.class)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8)))
                .single();
    }

    private static Instant instant(java.time.OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    record Row(
            String status,
            String endReason,
            Instant answeredAt,
            Instant endedAt,
            String participantIdentity,
            String callerNumber,
            String calledNumber,
            String agentJobId) {}
}
