package dev.sofia.bench;

import com.google.protobuf.Message;
import com.sun.net.httpserver.HttpServer;
import dev.sofia.agents.livekit.auth.AccessTokens;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import livekit.LivekitAgentDispatch.CreateAgentDispatchRequest;
import livekit.LivekitRoom.DeleteRoomRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workers benchmark's view of livekit-server: CreateDispatch and DeleteRoom over Twirp (protobuf
 * over HTTP POST, JDK HttpClient, admin tokens from {@link AccessTokens}), and a webhook receiver
 * (JDK HttpServer on loopback) that completes a future when an agent participant joins a room.
 */
final class WorkersLiveKit implements AutoCloseable {

    /** An agent's {@code participant_joined} webhook as received. */
    record Joined(String identity, long receivedNanos, long joinedAtMillis) {}

    private final HttpServer webhooks;
    private final Map<String, CompletableFuture<Joined>> expected = new ConcurrentHashMap<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private volatile LiveKitServerConfig server;

    private WorkersLiveKit(HttpServer webhooks) {
        this.webhooks = webhooks;
    }

    /** Starts the webhook receiver; {@link #url()} goes into the server's config. */
    static WorkersLiveKit startWebhooks() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            WorkersLiveKit liveKit = new WorkersLiveKit(http);
            http.createContext("/webhook", exchange -> {
                long received = System.nanoTime();
                try (InputStream body = exchange.getRequestBody()) {
                    liveKit.onWebhook(body.readAllBytes(), received);
                } catch (RuntimeException e) {
                    System.err.println("bad webhook: " + e);
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.start();
            return liveKit;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the webhook receiver", e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + webhooks.getAddress().getPort() + "/webhook";
    }

    void server(LiveKitServerConfig config) {
        this.server = config;
    }

    /**
     * The future of the first agent to join {@code room}; call before the dispatch. The webhook is
     * not checked for its signature: it comes over loopback from the server this run started.
     */
    CompletableFuture<Joined> expectAgent(String room) {
        return expected.computeIfAbsent(room, r -> new CompletableFuture<>());
    }

    private void onWebhook(byte[] body, long receivedNanos) {
        JsonNode event = JsonMapper.shared().readTree(new String(body, StandardCharsets.UTF_8));
        if (!event.path("event").asString("").equals("participant_joined")) {
            return;
        }
        JsonNode participant = event.path("participant");
        if (!participant.path("kind").asString("").equals("AGENT")) {
            return;
        }
        String room = event.path("room").path("name").asString("");
        String joinedAtMs = participant.path("joinedAtMs").asString("0");
        expectAgent(room)
                .complete(new Joined(
                        participant.path("identity").asString(""), receivedNanos, Long.parseLong(joinedAtMs)));
    }

    /** CreateDispatch: the server creates the room if needed and offers the job to a worker. */
    void createDispatch(String room, String agentName) {
        createDispatch(room, agentName, "");
    }

    /** CreateDispatch with the job's metadata (what the agent reads as its configuration). */
    void createDispatch(String room, String agentName, String metadata) {
        post(
                "livekit.AgentDispatchService/CreateDispatch",
                AccessTokens.builder(server.apiKey(), server.apiSecret())
                        .roomAdmin(room)
                        .build(),
                CreateAgentDispatchRequest.newBuilder()
                        .setRoom(room)
                        .setAgentName(agentName)
                        .setMetadata(metadata)
                        .build());
    }

    /** DeleteRoom: every participant is removed, so the agent's job ends. */
    void deleteRoom(String room) {
        post(
                "livekit.RoomService/DeleteRoom",
                AccessTokens.builder(server.apiKey(), server.apiSecret())
                        .roomCreate()
                        .build(),
                DeleteRoomRequest.newBuilder().setRoom(room).build());
    }

    private void post(String method, String token, Message request) {
        HttpRequest httpRequest = HttpRequest.newBuilder(URI.create(server.httpUrl() + "/twirp/" + method))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(method + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(method + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        webhooks.stop(0);
    }
}
