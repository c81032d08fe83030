package dev.sofia.agents.livekit.worker;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.sofia.agents.livekit.auth.AccessTokens;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitAgentDispatch.CreateAgentDispatchRequest;
import livekit.LivekitAgentDispatch.DeleteAgentDispatchRequest;

/**
 * Test helper: livekit-server's AgentDispatchService over Twirp (protobuf over HTTP POST) with the JDK
 * HttpClient and a room-admin token, instead of the SDK client (which needs retrofit, OkHttp and
 * Kotlin).
 */
final class AgentDispatchApi {

    private static final String SERVICE = "/twirp/livekit.AgentDispatchService/";

    private final LiveKitServerConfig server;
    private final HttpClient http = HttpClient.newHttpClient();

    AgentDispatchApi(LiveKitServerConfig server) {
        this.server = server;
    }

    /** Dispatches {@code agentName} to {@code room} (created if needed). */
    AgentDispatch create(String room, String agentName, String metadata) {
        return call(
                "CreateDispatch",
                room,
                CreateAgentDispatchRequest.newBuilder()
                        .setRoom(room)
                        .setAgentName(agentName)
                        .setMetadata(metadata)
                        .build());
    }

    /** Deletes a dispatch: the server terminates its job. */
    AgentDispatch delete(String room, String dispatchId) {
        return call(
                "DeleteDispatch",
                room,
                DeleteAgentDispatchRequest.newBuilder()
                        .setRoom(room)
                        .setDispatchId(dispatchId)
                        .build());
    }

    private AgentDispatch call(String method, String room, Message request) {
        try {
            return AgentDispatch.parseFrom(post(method, room, request));
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(method + " answered something that is not an AgentDispatch", e);
        }
    }

    private byte[] post(String method, String room, Message request) {
        String token = AccessTokens.builder(server.apiKey(), server.apiSecret())
                .roomAdmin(room)
                .build();
        HttpRequest httpRequest = HttpRequest.newBuilder(URI.create(server.httpUrl() + SERVICE + method))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
                .build();
        try {
            HttpResponse<byte[]> response = http.send(httpRequest, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new AssertionError(method + " answered " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        } catch (IOException e) {
            throw new AssertionError(method + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
