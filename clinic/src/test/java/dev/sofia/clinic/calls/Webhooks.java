package dev.sofia.clinic.calls;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.sofia.clinic.support.Api;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;
import livekit.LivekitWebhook.WebhookEvent;

/**
 * Builds webhook events the way LiveKit sends them (protojson of {@code WebhookEvent}) and signs
 * them the way LiveKit does: an HS256 JWT issued by the API key, with the base64 SHA-256 of the
 * body in its {@code sha256} claim, in the Authorization header.
 */
final class Webhooks {

    private final Api api;
    private final String apiKey;
    private final String apiSecret;

    Webhooks(Api api, String apiKey, String apiSecret) {
        this.api = api;
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
    }

    static String json(WebhookEvent event) {
        try {
            return JsonFormat.printer().print(event);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    static WebhookEvent.Builder event(String type, String room, Instant at) {
        return WebhookEvent.newBuilder()
                .setId("EV_" + UUID.randomUUID().toString().replace("-", ""))
                .setEvent(type)
                .setCreatedAt(at.getEpochSecond())
                .setRoom(Room.newBuilder().setName(room).setSid("RM_" + room.hashCode()));
    }

    static ParticipantInfo caller(String identity, Instant joinedAt) {
        return ParticipantInfo.newBuilder()
                .setSid("PA_" + identity)
                .setIdentity(identity)
                .setKind(ParticipantInfo.Kind.STANDARD)
                .setJoinedAt(joinedAt.getEpochSecond())
                .setJoinedAtMs(joinedAt.toEpochMilli())
                .build();
    }

    static ParticipantInfo sipCaller(String identity, Instant joinedAt, Map<String, String> attributes) {
        return caller(identity, joinedAt).toBuilder()
                .setKind(ParticipantInfo.Kind.SIP)
                .putAllAttributes(attributes)
                .build();
    }

    static ParticipantInfo agent(String jobId, Instant joinedAt) {
        return caller("agent-" + jobId, joinedAt).toBuilder()
                .setKind(ParticipantInfo.Kind.AGENT)
                .build();
    }

    static ParticipantInfo leaving(ParticipantInfo participant, DisconnectReason reason) {
        return participant.toBuilder().setDisconnectReason(reason).build();
    }

    /** A valid token for {@code body}, signed with the app's own key. */
    String sign(String body) {
        return sign(body, apiKey, apiSecret, Instant.now().plus(Duration.ofMinutes(5)));
    }

    static String sign(String body, String key, String secret, Instant expiresAt) {
        return JWT.create()
                .withIssuer(key)
                .withClaim("sha256", sha256(body.getBytes(StandardCharsets.UTF_8)))
                .withNotBefore(Instant.now().minusSeconds(5))
                .withExpiresAt(expiresAt)
                .sign(Algorithm.HMAC256(secret));
    }

    static String sha256(byte[] bytes) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs and posts the event as LiveKit would; returns the response. */
    Api.Response deliver(WebhookEvent event) {
        String body = json(event);
        return post(body.getBytes(StandardCharsets.UTF_8), sign(body));
    }

    /** Posts raw bytes with the given Authorization header (none if null). */
    Api.Response post(byte[] body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri("/api/livekit/webhook"))
                .header("Content-Type", "application/webhook+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return (authorization == null ? api.anonymous() : api).send(request.build());
    }
}
