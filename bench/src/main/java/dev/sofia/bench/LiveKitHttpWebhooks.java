package dev.sofia.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;
import livekit.LivekitWebhook.WebhookEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhook bodies as LiveKit sends them (the protobuf JSON form of {@code WebhookEvent}) and their
 * Authorization tokens as LiveKit signs them: an HS256 JWT issued by the API key whose {@code
 * sha256} claim is the base64 SHA-256 of the body. The JWT is assembled with the JDK's HMAC, which
 * is all HS256 is; the app verifies it with the LiveKit SDK's {@code WebhookReceiver}.
 */
final class LiveKitHttpWebhooks {

    /** Every event the benchmark sends has an id with this prefix, so the check can count them. */
    static final String EVENT_ID_PREFIX = "EV_bench_";
    /** And every room it names, so its sessions can be told from those of LiveKit's own webhooks. */
    static final String ROOM_PREFIX = "web-bench-";

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER =
            BASE64URL.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final JsonFormat.Printer PRINTER = JsonFormat.printer().omittingInsignificantWhitespace();

    private final String apiKey;
    private final SecretKeySpec secret;
    private final AtomicLong sequence = new AtomicLong();

    LiveKitHttpWebhooks(String apiKey, String apiSecret) {
        this.apiKey = apiKey;
        this.secret = new SecretKeySpec(apiSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** A signed webhook: its body and the token for its Authorization header. */
    record Signed(String body, String token) {}

    /** {@code room_started} for a new {@code web-bench-<uuid>} room. */
    WebhookEvent roomStarted(String room, Instant at) {
        return event("room_started", room, at).build();
    }

    /** {@code participant_joined} of a caller (a standard WebRTC participant) in {@code room}. */
    WebhookEvent callerJoined(String room, String identity, Instant at) {
        return event("participant_joined", room, at)
                .setParticipant(ParticipantInfo.newBuilder()
                        .setSid("PA_" + identity)
                        .setIdentity(identity)
                        .setKind(ParticipantInfo.Kind.STANDARD)
                        .setState(ParticipantInfo.State.ACTIVE)
                        .setJoinedAt(at.getEpochSecond())
                        .setJoinedAtMs(at.toEpochMilli()))
                .build();
    }

    static String newRoom() {
        return ROOM_PREFIX + UUID.randomUUID();
    }

    private WebhookEvent.Builder event(String type, String room, Instant at) {
        return WebhookEvent.newBuilder()
                .setId(EVENT_ID_PREFIX + sequence.incrementAndGet() + "_"
                        + UUID.randomUUID().toString().substring(0, 8))
                .setEvent(type)
                .setCreatedAt(at.getEpochSecond())
                .setRoom(Room.newBuilder()
                        .setName(room)
                        .setSid("RM_" + Integer.toHexString(room.hashCode()))
                        .setCreationTime(at.getEpochSecond()));
    }

    Signed sign(WebhookEvent event, Instant expiresAt) {
        String body;
        try {
            body = PRINTER.print(event);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
        return new Signed(body, token(body, expiresAt));
    }

    private String token(String body, Instant expiresAt) {
        try {
            Map<String, Object> claims = new LinkedHashMap<>();
            claims.put("iss", apiKey);
            claims.put(
                    "sha256",
                    Base64.getEncoder()
                            .encodeToString(MessageDigest.getInstance("SHA-256")
                                    .digest(body.getBytes(StandardCharsets.UTF_8))));
            claims.put("exp", expiresAt.getEpochSecond());
            String payload = BASE64URL.encodeToString(
                    JsonMapper.shared().writeValueAsString(claims).getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            String signature =
                    BASE64URL.encodeToString(mac.doFinal((HEADER + "." + payload).getBytes(StandardCharsets.US_ASCII)));
            return HEADER + "." + payload + "." + signature;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 and HmacSHA256 are part of every JDK", e);
        }
    }
}
