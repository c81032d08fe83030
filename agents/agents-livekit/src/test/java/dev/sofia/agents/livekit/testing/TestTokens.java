package dev.sofia.agents.livekit.testing;

import dev.sofia.agents.livekit.auth.AccessTokens;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Test-only LiveKit access tokens: HS256 JWTs signed with the JDK's HMAC, with the claims
 * livekit-server reads ({@code iss} = API key, {@code sub} = identity, {@code name}, {@code nbf},
 * {@code exp}, {@code video} grant, optional {@code attributes}, {@code metadata} and {@code kind}).
 * The claims are built here, independently of {@link AccessTokens}; only the signing is shared.
 */
public final class TestTokens {

    private final String apiKey;
    private final String apiSecret;
    private @Nullable String room;
    private String identity = "peer";
    private @Nullable String name;
    private boolean canPublish = true;
    private boolean canSubscribe = true;
    private boolean canPublishData = true;
    private boolean canUpdateOwnMetadata = true;
    private boolean agent;
    private @Nullable String kind;
    private @Nullable String metadata;
    private Map<String, String> attributes = Map.of();
    private Duration ttl = Duration.ofHours(1);

    private TestTokens(String apiKey, String apiSecret) {
        this.apiKey = apiKey;
        this.apiSecret = apiSecret;
    }

    /** A builder for tokens of the given API key pair. */
    public static TestTokens builder(String apiKey, String apiSecret) {
        return new TestTokens(apiKey, apiSecret);
    }

    /** A builder for tokens the given local server accepts. */
    public static TestTokens builder(LiveKitServerConfig server) {
        return new TestTokens(server.apiKey(), server.apiSecret());
    }

    /** A join token with every client permission (publish, subscribe, data, own metadata). */
    public static String join(LiveKitServerConfig server, String room, String identity) {
        return builder(server).room(room).identity(identity).build();
    }

    public TestTokens room(String room) {
        this.room = room;
        return this;
    }

    public TestTokens identity(String identity) {
        this.identity = identity;
        return this;
    }

    public TestTokens name(String name) {
        this.name = name;
        return this;
    }

    public TestTokens canPublish(boolean canPublish) {
        this.canPublish = canPublish;
        return this;
    }

    public TestTokens canSubscribe(boolean canSubscribe) {
        this.canSubscribe = canSubscribe;
        return this;
    }

    public TestTokens canPublishData(boolean canPublishData) {
        this.canPublishData = canPublishData;
        return this;
    }

    public TestTokens canUpdateOwnMetadata(boolean canUpdateOwnMetadata) {
        this.canUpdateOwnMetadata = canUpdateOwnMetadata;
        return this;
    }

    /** The {@code video.agent} grant a worker needs on the {@code /agent} WebSocket. */
    public TestTokens agent(boolean agent) {
        this.agent = agent;
        return this;
    }

    /** The participant kind claim, e.g. {@code agent}. */
    public TestTokens kind(String kind) {
        this.kind = kind;
        return this;
    }

    public TestTokens metadata(String metadata) {
        this.metadata = metadata;
        return this;
    }

    public TestTokens attributes(Map<String, String> attributes) {
        this.attributes = Map.copyOf(attributes);
        return this;
    }

    public TestTokens ttl(Duration ttl) {
        this.ttl = ttl;
        return this;
    }

    /** The signed JWT. */
    public String build() {
        Instant now = Instant.now();
        Map<String, Object> video = new LinkedHashMap<>();
        if (room != null) {
            video.put("roomJoin", true);
            video.put("room", room);
            video.put("canPublish", canPublish);
            video.put("canSubscribe", canSubscribe);
            video.put("canPublishData", canPublishData);
            video.put("canUpdateOwnMetadata", canUpdateOwnMetadata);
        }
        if (agent) {
            video.put("agent", true);
        }
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", apiKey);
        claims.put("sub", identity);
        claims.put("name", name != null ? name : identity);
        // a little slack for clocks; livekit-server runs on this host anyway
        claims.put("nbf", now.minusSeconds(10).getEpochSecond());
        claims.put("exp", now.plus(ttl).getEpochSecond());
        claims.put("video", video);
        if (!attributes.isEmpty()) {
            claims.put("attributes", attributes);
        }
        if (metadata != null) {
            claims.put("metadata", metadata);
        }
        if (kind != null) {
            claims.put("kind", kind);
        }
        return AccessTokens.sign(claims, apiSecret);
    }
}
