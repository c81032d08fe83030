package dev.sofia.clinic.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** POST /api/livekit-token against the shared app's real (local) livekit-server. */
@ClinicIntegrationTest
class TokenEndpointIntegrationTests {

    @Autowired
    Api api;

    @Autowired
    LiveKitClients clients;

    @Autowired
    LiveKitConnection connection;

    @Autowired
    CallerRateLimiter limiter;

    @BeforeEach
    @AfterEach
    void freshRateLimits() {
        limiter.forgetAllClients();
    }

    @Test
    void issuesAMinimalCallerTokenForTheNamedRoomAndSendsSofiaThere() {
        String room = "praxis-" + UUID.randomUUID().toString().substring(0, 8);
        long before = Instant.now().getEpochSecond();

        Api.Response response = api.post("/api/livekit-token", """
                {"identity": "patient_42", "room": "%s"}""".formatted(room));

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("url").asString()).isEqualTo(connection.url());
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("token", "url");

        String token = body.path("token").asString();
        assertThat(Jwt.header(token).path("alg").asString()).isEqualTo("HS256");
        JsonNode claims = Jwt.payload(token);
        assertThat(claims.path("sub").asString()).isEqualTo("patient_42");
        assertThat(claims.path("iss").asString()).isEqualTo(connection.apiKey());
        long ttl = claims.path("exp").asLong() - before;
        assertThat(ttl).isPositive().isLessThanOrEqualTo(15 * 60);
        JsonNode video = claims.path("video");
        assertThat(video.propertyNames())
                .containsExactlyInAnyOrder(
                        "roomJoin",
                        "room",
                        "canPublish",
                        "canPublishSources",
                        "canSubscribe",
                        "canPublishData",
                        "canUpdateOwnMetadata");
        assertThat(video.path("roomJoin").asBoolean()).isTrue();
        assertThat(video.path("room").asString()).isEqualTo(room);
        assertThat(video.path("canPublish").asBoolean()).isTrue();
        assertThat(video.path("canPublishSources").values())
                .extracting(JsonNode::asString)
                .containsExactly("microphone");
        assertThat(video.path("canSubscribe").asBoolean()).isTrue();
        assertThat(video.path("canPublishData").asBoolean()).isTrue();
        assertThat(video.path("canUpdateOwnMetadata").asBoolean()).isFalse();
        // The SDK writes an empty SIP grant; it must grant nothing.
        assertThat(claims.path("sip").properties())
                .as(claims.path("sip").toString())
                .allSatisfy(grant -> assertThat(grant.getValue().asBoolean()).isFalse());
        assertThat(claims.propertyNames()).doesNotContain("roomConfig", "kind", "attributes");

        assertThat(sofiaDispatches(room))
                .singleElement()
                .satisfies(d -> assertThat(d.getMetadata()).isEqualTo("{\"language\":\"de\",\"channel\":\"web\"}"));

        // A second caller in the same room does not send a second Sofia.
        api.post("/api/livekit-token", """
                {"identity": "patient_43", "room": "%s"}""".formatted(room));
        assertThat(sofiaDispatches(room)).hasSize(1);
    }

    @Test
    void simultaneousFirstCallersOfARoomGetOneSofia() throws Exception {
        String room = "together-" + UUID.randomUUID().toString().substring(0, 8);
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            List<java.util.concurrent.Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String identity = "caller" + i;
                statuses.add(threads.submit(() -> api.post("/api/livekit-token", """
                                {"identity": "%s", "room": "%s"}""".formatted(identity, room))
                        .status()));
            }
            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        }

        assertThat(sofiaDispatches(room)).hasSize(1);
    }

    @Test
    void refusesSofiasOwnRoomsSoNoOneCanListenInOnACall() {
        for (String room : List.of("call-_+4930123_abc", "sip-trunk", "web-" + UUID.randomUUID(), "CALL-x")) {
            Api.Response response = api.post("/api/livekit-token", """
                    {"identity": "eavesdropper", "room": "%s"}""".formatted(room));

            assertThat(response.status()).as(room).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("room");
            assertThat(roomExists(room)).as(room).isFalse();
        }
    }

    @Test
    void validatesIdentityAndRoomStrictly() {
        record Case(String body, String field) {}
        List<Case> cases = List.of(
                new Case("{\"room\": \"r1\"}", "identity"),
                new Case("{\"identity\": \"p1\"}", "room"),
                new Case("{\"identity\": \"has space\", \"room\": \"r1\"}", "identity"),
                new Case("{\"identity\": \"" + "x".repeat(65) + "\", \"room\": \"r1\"}", "identity"),
                new Case("{\"identity\": \"p1\", \"room\": \"../admin\"}", "room"),
                new Case("{\"identity\": \"p1\", \"room\": \"\"}", "room"),
                new Case("{\"identity\": \"agent-123\", \"room\": \"r1\"}", "identity"),
                new Case("{\"identity\": \"sip_+4930\", \"room\": \"r1\"}", "identity"),
                new Case("{\"identity\": \"Zoë\", \"room\": \"r1\"}", "identity"));

        for (Case c : cases) {
            Api.Response response = api.post("/api/livekit-token", c.body());

            assertThat(response.status()).as(c.body()).isEqualTo(400);
            assertThat(response.json().path("errors").values())
                    .as(c.body())
                    .extracting(error -> error.path("field").asString())
                    .contains(c.field());
        }
        assertThat(roomExists("r1")).isFalse();
    }

    // LiveKit adds a dispatch without agent name to every room it creates (automatic dispatch of
    // unnamed agents); Sofia's workers register by name and take only the named ones.
    private List<livekit.LivekitAgentDispatch.AgentDispatch> sofiaDispatches(String room) {
        return LiveKitClients.require("list", clients.dispatch().listDispatch(room)).stream()
                .filter(d -> d.getAgentName().equals("sofia"))
                .toList();
    }

    private boolean roomExists(String room) {
        return !LiveKitClients.require("list rooms", clients.rooms().listRooms(List.of(room)))
                .isEmpty();
    }

    @Test
    void answers429WithRetryAfterOnceTheBurstIsSpent() {
        String room = "burst-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> statuses = new ArrayList<>();
        for (long i = 0; i < limiter.capacity(); i++) {
            statuses.add(api.post("/api/livekit-token", """
                            {"identity": "p%d", "room": "%s"}""".formatted(i, room)).status());
        }
        assertThat(statuses).containsOnly(200);

        Api.Response refused = api.post("/api/livekit-token", """
                {"identity": "one_more", "room": "%s"}""".formatted(room));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        // The same limit guards /api/sofia/connect: it shares the client's bucket.
        assertThat(api.post("/api/sofia/connect", "{}").status()).isEqualTo(429);
    }
}
