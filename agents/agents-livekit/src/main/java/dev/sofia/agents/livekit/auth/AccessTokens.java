package dev.sofia.agents.livekit.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mints LiveKit access tokens: HS256 JWTs with the claims livekit-server reads ({@code iss} = API
 * key, {@code sub} = identity, {@code name}, {@code nbf}, {@code exp}, the {@code video} grant,
 * optional {@code kind}, {@code metadata}, {@code attributes} and {@code roomConfig}).
 *
 * <pre>{@code
 * String workerToken = AccessTokens.builder(key, secret).agent().build();
 * String joinToken = AccessTokens.builder(key, secret).identity("caller").roomJoin("clinic-1")
 *         .dispatchAgent("sofia", "{}").build();
 * }</pre>
 *
 * A builder is not thread-safe; {@link #sign} is.
 */
public final class AccessTokens {

    /** How long a token is valid unless {@link #ttl} says otherwise. */
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    // Tolerates small clock differences between this host and the server.
    private static final Duration NOT_BEFORE_SLACK = Duration.ofSeconds(10);

    private final String apiKey;
    private final String apiSecret;
    private final Map<String, Object> video = new LinkedHashMap<>();
    private final List<Map<String, String>> roomAgents = new ArrayList<>();
    private String identity = "";
    private @Nullable String name;
    private @Nullable String kind;
    private @Nullable String metadata;
    private Map<String, String> attributes = Map.of();
    private Duration ttl = DEFAULT_TTL;
    private Clock clock = Clock.systemUTC();

    private AccessTokens(String apiKey, String apiSecret) {
        if (apiKey.isBlank() || apiSecret.isBlank()) {
            throw new IllegalArgumentException("API key and secret must not be blank");
        }
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
    }

    public static AccessTokens builder(String apiKey, String apiSecret) {
        return new AccessTokens(apiKey, apiSecret);
    }

    /** The participant identity ({@code sub}); empty for tokens that join no room. */
    public AccessTokens identity(String identity) {
        this.identity = identity;
        return this;
    }

    public AccessTokens name(String name) {
        this.name = name;
        return this;
    }

    /** The participant kind claim, e.g. {@code agent} or {@code sip}. */
    public AccessTokens kind(String kind) {
        this.kind = kind;
        return this;
    }

    public AccessTokens metadata(String metadata) {
        this.metadata = metadata;
        return this;
    }

    public AccessTokens attributes(Map<String, String> attributes) {
        this.attributes = Map.copyOf(attributes);
        return this;
    }

    public AccessTokens ttl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive: " + ttl);
        }
        this.ttl = ttl;
        return this;
    }

    public AccessTokens clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Grants joining {@code room} with every client permission (each can be withdrawn below). */
    public AccessTokens roomJoin(String room) {
        video.put("roomJoin", true);
        video.put("room", room);
        video.put("canPublish", true);
        video.put("canSubscribe", true);
        video.put("canPublishData", true);
        video.put("canUpdateOwnMetadata", true);
        return this;
    }

    /** Grants administering {@code room} (server APIs such as AgentDispatchService). */
    public AccessTokens roomAdmin(String room) {
        video.put("roomAdmin", true);
        video.put("room", room);
        return this;
    }

    public AccessTokens roomCreate() {
        video.put("roomCreate", true);
        return this;
    }

    public AccessTokens roomList() {
        video.put("roomList", true);
        return this;
    }

    /** The {@code video.agent} grant a worker needs on the {@code /agent} WebSocket. */
    public AccessTokens agent() {
        video.put("agent", true);
        return this;
    }

    public AccessTokens canPublish(boolean value) {
        video.put("canPublish", value);
        return this;
    }

    public AccessTokens canSubscribe(boolean value) {
        video.put("canSubscribe", value);
        return this;
    }

    public AccessTokens canPublishData(boolean value) {
        video.put("canPublishData", value);
        return this;
    }

    public AccessTokens canUpdateOwnMetadata(boolean value) {
        video.put("canUpdateOwnMetadata", value);
        return this;
    }

    /**
     * Adds an agent to the room configuration ({@code roomConfig.agents}): when the room is created
     * by this token's join, the server dispatches that agent to it.
     */
    public AccessTokens dispatchAgent(String agentName, String metadata) {
        roomAgents.add(Map.of("agentName", agentName, "metadata", metadata));
        return this;
    }

    /** The signed JWT. */
    public String build() {
        Instant now = clock.instant();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", apiKey);
        claims.put("sub", identity);
        if (name != null) {
            claims.put("name", name);
        }
        claims.put("nbf", now.minus(NOT_BEFORE_SLACK).getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("video", video);
        if (kind != null) {
            claims.put("kind", kind);
        }
        if (metadata != null) {
            claims.put("metadata", metadata);
        }
        if (!attributes.isEmpty()) {
            claims.put("attributes", attributes);
        }
        if (!roomAgents.isEmpty()) {
            // protojson of livekit.RoomConfiguration, which is how the server parses this claim
            claims.put("roomConfig", Map.of("agents", roomAgents));
        }
        return sign(claims, apiSecret);
    }

    /** Signs any claims as an HS256 JWT (header {@code {"alg":"HS256","typ":"JWT"}}). */
    public static String sign(Map<String, ?> claims, String secret) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        JsonMapper json = JsonMapper.shared();
        Map<String, String> header = new LinkedHashMap<>();
        header.put("alg", "HS256");
        header.put("typ", "JWT");
        String signingInput = b64.encodeToString(json.writeValueAsBytes(header)) + "."
                + b64.encodeToString(json.writeValueAsBytes(claims));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] signature = mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + b64.encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
