package dev.sofia.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The phone benchmark's only way into the app: its HTTP API, signed in as the admin with HTTP Basic
 * (as clinic's test {@code Api} does). It provisions the practice's phone set-up exactly as the
 * phone tests' {@code PhonePractice} does and reads the phone call sessions.
 */
final class PhoneApi {

    static final String NUMBER = "+4930901820";
    static final String MAIN_LINE = "+4930901829";
    /** Max Mustermann's number in the demo practice: the caller is a known patient. */
    static final String MUSTERMANN = "+4915112345678";

    static final String ADMIN_EMAIL = "bench@praxis.test";
    static final String ADMIN_PASSWORD = "phone-bench-admin-password-0815";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A session of {@code GET /api/calls?channel=phone}. */
    record Session(String id, String status) {}

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String authorization = "Basic "
            + Base64.getEncoder().encodeToString((ADMIN_EMAIL + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    PhoneApi(int port) {
        this.port = port;
    }

    /**
     * A carrier connection that allows calls from 127.0.0.1 (SIPp), the practice's number, a German
     * route to agent {@code sofia}, the main line calls are transferred to; then checks that
     * TelephonySync put it into LiveKit (sync status {@code synced}).
     */
    void provisionPractice() {
        String connectionId = created(
                        "/api/telephony/connections",
                        Map.of(
                                "name",
                                "Carrier (SIPp)",
                                "carrier",
                                "generic",
                                "inbound",
                                Map.of("allowedAddresses", List.of("127.0.0.1"))))
                .get("id")
                .asString();
        String numberId = created(
                        "/api/telephony/numbers",
                        Map.of("connectionId", connectionId, "number", NUMBER, "label", "Praxis"))
                .get("id")
                .asString();
        created("/api/telephony/routes", Map.of("phoneNumberId", numberId, "language", "de", "enabled", true));
        created("/api/telephony/transfer-targets", Map.of("kind", "main", "number", MAIN_LINE, "label", "Empfang"));
        JsonNode synced = get("/api/telephony/connections/" + connectionId);
        if (!"synced".equals(synced.at("/sync/status").asString())) {
            throw new IllegalStateException("the carrier connection is not synced to LiveKit: " + synced);
        }
    }

    /**
     * Lets the practice take {@code calls} calls at once (its {@code maxConcurrentCalls}, 10 by
     * default): above it Sofia answers with a busy notice and a transfer instead of her greeting.
     */
    void allowConcurrentCalls(int calls) {
        ObjectNode practice = (ObjectNode) get("/api/practice");
        practice.put("maxConcurrentCalls", calls);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/practice"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(practice.toString()))
                .build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "PUT /api/practice answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** Every phone call session, newest first (all pages). */
    List<Session> phoneSessions() {
        List<Session> sessions = new ArrayList<>();
        String before = null;
        do {
            JsonNode page = get("/api/calls?channel=phone&limit=200" + (before == null ? "" : "&before=" + before));
            for (JsonNode call : page.get("calls")) {
                sessions.add(new Session(
                        call.get("id").asString(), call.path("status").asString()));
            }
            JsonNode next = page.path("nextBefore");
            before = next.isMissingNode() || next.isNull() ? null : next.asString();
        } while (before != null);
        return sessions;
    }

    private JsonNode created(String path, Object body) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private JsonNode get(String path) {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(uri(path)).GET().build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        HttpRequest signed = HttpRequest.newBuilder(request, (name, value) -> true)
                .header("Authorization", authorization)
                .build();
        try {
            return http.send(signed, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
