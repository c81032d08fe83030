package dev.sofia.clinic.diagnose;

import io.livekit.server.AccessToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The app's webhook endpoint is reachable and checks signatures: a test event signed the way
 * livekit-server signs (an HS256 JWT whose {@code sha256} claim is the body's hash) with
 * {@code LIVEKIT_API_KEY} must be accepted, one signed with each {@code LIVEKIT_WEBHOOK_KEYS} pair
 * too (the keys a rotation keeps valid), and an unsigned one refused. The test event names no room,
 * so the app only records it as an event of type {@code sofia_diagnose}; it opens no call.
 */
final class WebhookCheck implements Check {

    static final String NAME = "webhook";
    static final String PATH = "/api/livekit/webhook";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String hint() {
        return "check that the app runs and --app-url (SOFIA_APP_URL) points at it";
    }

    @Override
    public List<Outcome> run(DiagnoseSettings settings) throws Exception {
        if (!settings.has("sofia.livekit.api-key") || !settings.has("sofia.livekit.api-secret")) {
            return List.of(
                    Outcome.skip(NAME, "LIVEKIT_API_KEY unset, so the app signs with the key of its own local server"));
        }
        URI endpoint = URI.create(settings.appUrl().replaceAll("/+$", "") + PATH);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        int unsigned;
        try {
            unsigned = post(http, endpoint, body(), null);
        } catch (java.io.IOException e) {
            return List.of(Outcome.fail(
                    NAME,
                    endpoint + ": " + LiveKitHttpCheck.describe(e),
                    "the app is not reachable at " + settings.appUrl() + ": start it, or pass --app-url=<its URL>"
                            + " (livekit-server's `webhook.urls` must reach the same address)"));
        }
        List<Outcome> outcomes = new ArrayList<>();
        if (unsigned != 401) {
            outcomes.add(Outcome.fail(
                    NAME,
                    "an unsigned webhook answered HTTP " + unsigned + " (expected 401)",
                    settings.appUrl() + " is not a Sofia app, or a proxy answers for it"));
            return outcomes;
        }
        outcomes.add(signed(http, endpoint, settings.apiKey(), settings.apiSecret(), "LIVEKIT_API_KEY"));
        for (Map.Entry<String, String> key : settings.extraWebhookKeys().entrySet()) {
            if (!key.getKey().equals(settings.apiKey())) {
                outcomes.add(signed(http, endpoint, key.getKey(), key.getValue(), "LIVEKIT_WEBHOOK_KEYS"));
            }
        }
        return outcomes;
    }

    private static Outcome signed(HttpClient http, URI endpoint, String key, String secret, String from)
            throws Exception {
        String body = body();
        int status = post(http, endpoint, body, sign(body, key, secret));
        String row = NAME + " " + key;
        if (status == 200) {
            return Outcome.ok(row, "signed with " + key + " (" + from + "): accepted; unsigned: refused");
        }
        if (status == 401) {
            return Outcome.fail(
                    row,
                    "signed with " + key + " (" + from + "): refused with 401",
                    "the app does not hold this key: its LIVEKIT_API_KEY/SECRET (or LIVEKIT_WEBHOOK_KEYS) differ from"
                            + " what diagnose read; run diagnose with the app's environment");
        }
        return Outcome.fail(
                row,
                "signed with " + key + ": HTTP " + status,
                "the app failed to store the event (HTTP " + status + "): see its log; is its database up?");
    }

    private static int post(HttpClient http, URI endpoint, String body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(Duration.ofSeconds(4))
                .header("Content-Type", "application/webhook+json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String body() {
        return "{\"event\":\"sofia_diagnose\",\"id\":\"diagnose-" + UUID.randomUUID() + "\",\"createdAt\":\""
                + Instant.now().getEpochSecond() + "\"}";
    }

    /** As livekit-server signs a webhook: issuer = key, claim sha256 = base64(SHA-256(body)). */
    static String sign(String body, String key, String secret) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
        AccessToken token = new AccessToken(key, secret);
        token.setSha256(Base64.getEncoder().encodeToString(hash));
        token.setTtl(Duration.ofMinutes(5).toMillis());
        return token.toJwt();
    }
}
