package dev.sofia.clinic.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sofia.clinic.livekit.AgentRooms;
import dev.sofia.clinic.livekit.LiveKitClients;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.TestClock;
import dev.sofia.clinic.support.livekit.LiveKitIntegrationTest;
import dev.sofia.clinic.support.livekit.LiveKitServerExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import livekit.LivekitWebhook.WebhookEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls against a real livekit-server of this class's own: the connect endpoint's room, token and
 * session; a caller on the official LiveKit Python SDK joining and leaving while the session follows
 * from LiveKit's real webhooks; and a webhook signed with a second (rotated) key.
 */
@LiveKitIntegrationTest
@TestPropertySource(
        properties = "sofia.livekit.webhook-keys=" + CallsLiveKitIntegrationTests.OTHER_KEY + ":"
                + CallsLiveKitIntegrationTests.OTHER_SECRET)
class CallsLiveKitIntegrationTests {

    static final String OTHER_KEY = "otherkey";
    static final String OTHER_SECRET = "rotated-secret-0123456789abcdef0123456789abcdef";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(45);

    @RegisterExtension
    static final LiveKitServerExtension livekit = LiveKitServerExtension.withWebhooksToApp();

    @DynamicPropertySource
    static void liveKit(DynamicPropertyRegistry registry) {
        livekit.registerProperties(registry);
    }

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    AgentRooms agentRooms;

    @Autowired
    LiveKitClients liveKit;

    @BeforeEach
    void setUp() {
        clock.reset();
    }

    @Test
    void connectOpensARoomWithSofiaAndIssuesATokenWithOnlyTheCallerGrants() {
        Api.Response response = api.post("/api/sofia/connect", """
                {"participantName": "Anna Schmidt", "language": "en"}""");

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        String room = body.path("room").asString();
        String identity = body.path("identity").asString();
        assertThat(room).startsWith("web-");
        assertThat(identity).matches("caller-[0-9a-f]{32}");
        assertThat(body.path("url").asString()).isEqualTo(livekit.url());

        JsonNode claims = claims(body.path("token").asString());
        assertThat(claims.path("sub").asString()).isEqualTo(identity);
        assertThat(claims.path("iss").asString()).isEqualTo(livekit.config().apiKey());
        // The token says when it expires, not when it was made: measured from now, that is at most
        // 15 minutes away (a token made before now only makes it sooner).
        assertThat(claims.path("exp").asLong() - Instant.now().getEpochSecond())
                .as(claims.toString())
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(15).toSeconds());
        assertThat(Instant.parse(body.path("expiresAt").asString()))
                .isBeforeOrEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        assertThat(claims.toString()).doesNotContain("Anna");
        JsonNode video = claims.path("video");
        assertThat(video.path("roomJoin").asBoolean()).isTrue();
        assertThat(video.path("room").asString()).isEqualTo(room);
        assertThat(video.path("canPublish").asBoolean()).isTrue();
        assertThat(Api.list(video.path("canPublishSources")))
                .extracting(JsonNode::asString)
                .containsExactly("microphone");
        assertThat(video.path("canSubscribe").asBoolean()).isTrue();
        assertThat(video.path("canPublishData").asBoolean()).isTrue();
        for (String admin : List.of(
                "roomCreate", "roomAdmin", "roomList", "roomRecord", "ingressAdmin", "hidden", "recorder", "agent")) {
            assertThat(video.path(admin).asBoolean(false)).as(admin).isFalse();
        }
        assertThat(video.path("canUpdateOwnMetadata").asBoolean(false)).isFalse();
        assertThat(claims.path("sip").path("admin").asBoolean(false)).isFalse();
        assertThat(claims.path("sip").path("call").asBoolean(false)).isFalse();

        assertThat(LiveKitClients.require("list rooms", liveKit.rooms().listRooms(List.of(room))))
                .hasSize(1);
        assertThat(agentRooms.agentDispatched(room)).isTrue();
        CallSession session = session(room);
        assertThat(session.status()).isEqualTo(CallStatus.RINGING);
        assertThat(session.channel()).isEqualTo(CallChannel.WEB);
        assertThat(session.language()).isEqualTo("en");
        assertThat(session.participantIdentity()).isEqualTo(identity);
        assertThat(session.agentDispatchId()).isNotBlank();
    }

    @Test
    void connectTakesAnEmptyBodyOrAnEmptyObjectAndDefaultsToGerman() {
        Api.Response empty = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/sofia/connect"))
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                .build());
        Api.Response emptyObject = api.post("/api/sofia/connect", "{}");

        assertThat(empty.status()).as(empty.raw().body()).isEqualTo(201);
        assertThat(emptyObject.status()).as(emptyObject.raw().body()).isEqualTo(201);
        assertThat(session(empty.json().path("room").asString()).language()).isEqualTo("de");
        assertThat(session(emptyObject.json().path("room").asString()).language())
                .isEqualTo("de");
        assertThat(empty.json().path("identity").asString())
                .isNotEqualTo(emptyObject.json().path("identity").asString());
    }

    @Test
    void connectRefusesBadInputAndOpensNothing() {
        int sessionsBefore = count("call_sessions");
        int roomsBefore = rooms();

        Api.Response badLanguage = api.post("/api/sofia/connect", """
                {"language": "fr"}""");
        Api.Response longName =
                api.post("/api/sofia/connect", Api.json(java.util.Map.of("participantName", "a".repeat(65))));
        Api.Response controlCharacters = api.post("/api/sofia/connect", """
                {"participantName": "Anna\\u0007\\n"}""");
        Api.Response notJson = api.post("/api/sofia/connect", "[1, 2");

        assertThat(badLanguage.status()).isEqualTo(400);
        assertThat(field(badLanguage)).isEqualTo("language");
        assertThat(longName.status()).isEqualTo(400);
        assertThat(field(longName)).isEqualTo("participantName");
        assertThat(controlCharacters.status()).isEqualTo(400);
        assertThat(field(controlCharacters)).isEqualTo("participantName");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(count("call_sessions")).isEqualTo(sessionsBefore);
        assertThat(rooms()).isEqualTo(roomsBefore);
    }

    @Test
    void aCallerOnTheLiveKitSdkJoinsAndLeavesAndTheSessionFollowsLiveKitsWebhooks() throws Exception {
        JsonNode connect = api.post("/api/sofia/connect", "{}").json();
        String room = connect.path("room").asString();
        String identity = connect.path("identity").asString();

        Process peer = new ProcessBuilder(
                        python().toString(),
                        script().toString(),
                        connect.path("url").asString(),
                        connect.path("token").asString(),
                        "120")
                .redirectErrorStream(true)
                .start();
        BlockingQueue<String> output = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(output::add);
            } catch (IOException e) {
                output.add("reader failed: " + e);
            }
        });
        try {
            awaitLine(output, "joined " + identity);
            await("the session is active", () -> session(room).status() == CallStatus.ACTIVE);

            try (OutputStream stdin = peer.getOutputStream()) {
                stdin.write("leave\n".getBytes(StandardCharsets.UTF_8));
            }
            awaitLine(output, "left");
            assertThat(peer.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(peer.exitValue()).isZero();

            await("the session has ended", () -> session(room).status() == CallStatus.ENDED);
            CallSession ended = session(room);
            assertThat(ended.endReason()).isEqualTo("client-initiated");
            assertThat(ended.answeredAt()).isNotNull();
            assertThat(ended.endedAt()).isAfterOrEqualTo(ended.answeredAt());

            // The room closes after its 20 s departure timeout; that must not change the ending.
            await("room_finished arrived", () -> eventsOf(room, "room_finished") == 1);
            assertThat(session(room).status()).isEqualTo(CallStatus.ENDED);
            assertThat(session(room).endReason()).isEqualTo("client-initiated");
            assertThat(eventsOf(room, "room_started")).isEqualTo(1);
            assertThat(callerEvents(room, identity, "participant_joined")).isEqualTo(1);
            assertThat(callerEvents(room, identity, "participant_left")).isEqualTo(1);
        } finally {
            peer.destroyForcibly();
            reader.join(Duration.ofSeconds(5));
        }
    }

    @Test
    void aWebhookSignedWithTheSecondConfiguredKeyIsAcceptedAndAnUnknownKeyIsNot() {
        String room = "web-rotated-" + UUID.randomUUID();
        WebhookEvent started =
                Webhooks.event("room_started", room, Instant.now()).build();
        String body = Webhooks.json(started);
        Webhooks webhooks =
                new Webhooks(api, livekit.config().apiKey(), livekit.config().apiSecret());

        Api.Response unknown = webhooks.post(
                body.getBytes(StandardCharsets.UTF_8),
                Webhooks.sign(body, "thirdkey", OTHER_SECRET, Instant.now().plusSeconds(300)));
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(eventsOf(room, "room_started")).isZero();

        Api.Response rotated = webhooks.post(
                body.getBytes(StandardCharsets.UTF_8),
                Webhooks.sign(body, OTHER_KEY, OTHER_SECRET, Instant.now().plusSeconds(300)));
        assertThat(rotated.status()).isEqualTo(200);
        assertThat(eventsOf(room, "room_started")).isEqualTo(1);
        assertThat(session(room).status()).isEqualTo(CallStatus.RINGING);
    }

    // --- helpers -------------------------------------------------------------------------------

    private CallSession session(String room) {
        return jdbc.sql("select * from call_sessions where room_name = ?")
                .param(room)
                .query(CallSessions::session)
                .optional()
                .orElseThrow(() -> new AssertionError("no session for " + room));
    }

    private int eventsOf(String room, String type) {
        return jdbc.sql("select count(*) from call_events where room_name = ? and event_type = ?")
                .params(room, type)
                .query(Integer.class)
                .single();
    }

    private int callerEvents(String room, String identity, String type) {
        return jdbc.sql("""
                        select count(*) from call_events
                        where room_name = ? and event_type = ? and participant_identity = ?
                        """).params(room, type, identity).query(Integer.class).single();
    }

    private int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    private int rooms() {
        return LiveKitClients.require("list rooms", liveKit.rooms().listRooms()).size();
    }

    private static String field(Api.Response response) {
        return response.json().path("errors").get(0).path("field").asString();
    }

    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                fail("gave up waiting until " + what + " after " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }

    private static void awaitLine(BlockingQueue<String> output, String expected) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            String line = output.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            if (line.equals(expected)) {
                return;
            }
            seen.append(line).append('\n');
        }
        fail("the peer did not print '" + expected + "'; it printed:\n" + seen);
    }

    private static Path python() {
        String venv = System.getenv("SOFIA_VENV");
        Path dir = venv == null || venv.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "sofia", "venv")
                : Path.of(venv);
        Path python = dir.resolve("bin").resolve("python");
        if (!Files.isExecutable(python)) {
            fail("the LiveKit Python SDK venv is missing at " + dir + "; scripts/setup.sh installs it");
        }
        return python;
    }

    private static Path script() throws URISyntaxException {
        return Path.of(CallsLiveKitIntegrationTests.class
                .getResource("/peers/join_room.py")
                .toURI());
    }
}
