package dev.sofia.livekit.local.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.livekit.local.RedisProcess;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rotating the LiveKit API key without downtime (docs/operations.md, "Key rotation"): during the
 * switch livekit-server holds both pairs in LIVEKIT_KEYS (compose.yaml's LIVEKIT_API_KEY pair plus
 * LIVEKIT_KEYS_EXTRA), so tokens and API calls signed with either are accepted and a client of each
 * joins and exchanges audio, while a key it does not hold is refused; once the old pair is dropped,
 * the old key is refused too. (That Sofia's webhook endpoint accepts both pairs through
 * LIVEKIT_WEBHOOK_KEYS is tested in clinic's CallsLiveKitIntegrationTests.)
 */
class KeyRotationIntegrationTests {

    private static final String OLD_KEY = "sofiaold";
    private static final String OLD_SECRET = "old-secret-for-the-rotation-test-0123456789ab";
    private static final String NEW_KEY = "sofianew";
    private static final String NEW_SECRET = "new-secret-for-the-rotation-test-0123456789ab";

    @Test
    void bothKeysWorkDuringTheSwitchAndOnlyTheNewOneAfter(@TempDir Path dir) throws Exception {
        try (RedisProcess redis = RedisProcess.start();
                WebhookRecorder webhooks = new WebhookRecorder()) {
            DeployedLiveKitConfig deployed = DeployedLiveKitConfig.adjust(
                    "deploy/livekit.yaml", InetAddress.getLoopbackAddress(), redis.address(), webhooks.url(), dir);

            // During the switch: the new pair first (LIVEKIT_API_KEY/SECRET, also signing the
            // webhooks), the old one in LIVEKIT_KEYS_EXTRA, as compose.yaml renders LIVEKIT_KEYS.
            String bothPairs = NEW_KEY + ": " + NEW_SECRET + "\n" + OLD_KEY + ": " + OLD_SECRET + "\n";
            try (ConfiguredLiveKitServer server =
                    ConfiguredLiveKitServer.start(dir, deployed.config(), bothPairs, NEW_KEY, "127.0.0.1")) {
                assertThat(listRooms(server, OLD_KEY, OLD_SECRET)).isEqualTo(200);
                assertThat(listRooms(server, NEW_KEY, NEW_SECRET)).isEqualTo(200);
                assertThat(listRooms(server, "sofiaother", OLD_SECRET)).isEqualTo(401);
                assertThat(listRooms(server, NEW_KEY, OLD_SECRET)).isEqualTo(401);

                AudioCheck withOld = AudioCheck.run(List.of(), server.wsUrl(), OLD_KEY, OLD_SECRET);
                assertThat(withOld.toneArrived()).as(withOld.toString()).isTrue();
                AudioCheck withNew = AudioCheck.run(List.of(), server.wsUrl(), NEW_KEY, NEW_SECRET);
                assertThat(withNew.toneArrived()).as(withNew.toString()).isTrue();

                String webhook = awaitWebhook(webhooks);
                assertThat(Hs256Jwt.verifiedClaims(webhook, NEW_SECRET)
                                .path("iss")
                                .asString())
                        .isEqualTo(NEW_KEY);
            }

            // After the switch: the old pair is gone from LIVEKIT_KEYS_EXTRA.
            try (ConfiguredLiveKitServer server = ConfiguredLiveKitServer.start(
                    dir, deployed.config(), NEW_KEY + ": " + NEW_SECRET + "\n", NEW_KEY, "127.0.0.1")) {
                assertThat(listRooms(server, NEW_KEY, NEW_SECRET)).isEqualTo(200);
                assertThat(listRooms(server, OLD_KEY, OLD_SECRET)).isEqualTo(401);
                AudioCheck withOld = AudioCheck.run(List.of(), server.wsUrl(), OLD_KEY, OLD_SECRET);
                assertThat(withOld.exitCode()).as(withOld.toString()).isEqualTo(2);
                assertThat(withOld.result().path("error").asString()).contains("401");
            }
        }
    }

    /** RoomService.ListRooms over LiveKit's Twirp API, with a token of the given pair. */
    private static int listRooms(ConfiguredLiveKitServer server, String key, String secret) throws Exception {
        String token = Hs256Jwt.apiToken(key, secret, Map.of("roomList", true));
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(server.httpUrl() + "/twirp/livekit.RoomService/ListRooms"))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    private static String awaitWebhook(WebhookRecorder webhooks) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (webhooks.authorizations().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(webhooks.authorizations()).as("webhooks received").isNotEmpty();
        return webhooks.authorizations().getFirst();
    }
}
