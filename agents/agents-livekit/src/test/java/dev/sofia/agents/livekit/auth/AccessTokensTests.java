package dev.sofia.agents.livekit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AccessTokensTests {

    private static final Instant NOW = Instant.parse("2026-11-21T04:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void aWorkerTokenCarriesTheAgentGrantAndIsSignedWithTheSecret() throws Exception {
        String jwt = AccessTokens.builder("key", "secret-secret-secret-secret-secret")
                .agent()
                .clock(CLOCK)
                .build();

        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(json(parts[0]).path("alg").asString()).isEqualTo("HS256");
        assertThat(json(parts[0]).path("typ").asString()).isEqualTo("JWT");
        assertThat(verifies(parts, "secret-secret-secret-secret-secret")).isTrue();
        assertThat(verifies(parts, "another-secret-another-secret-xx")).isFalse();
        JsonNode claims = json(parts[1]);
        assertThat(claims.path("iss").asString()).isEqualTo("key");
        assertThat(claims.path("sub").asString()).isEmpty();
        assertThat(claims.path("video").path("agent").asBoolean()).isTrue();
        assertThat(claims.path("video").has("roomJoin")).isFalse();
        assertThat(claims.path("nbf").asLong()).isEqualTo(NOW.getEpochSecond() - 10);
        assertThat(claims.path("exp").asLong())
                .isEqualTo(NOW.plus(Duration.ofHours(1)).getEpochSecond());
    }

    @Test
    void aJoinTokenWithRoomConfigurationDispatchesTheAgent() {
        String jwt = AccessTokens.builder("key", "secret")
                .identity("caller")
                .name("Caller")
                .kind("sip")
                .attributes(Map.of("sip.phoneNumber", "+4930123"))
                .metadata("{\"a\":1}")
                .roomJoin("clinic-1")
                .canPublishData(false)
                .dispatchAgent("sofia", "{\"clinic\":\"berlin\"}")
                .ttl(Duration.ofMinutes(5))
                .clock(CLOCK)
                .build();

        JsonNode claims = json(jwt.split("\\.")[1]);
        assertThat(claims.path("sub").asString()).isEqualTo("caller");
        assertThat(claims.path("name").asString()).isEqualTo("Caller");
        assertThat(claims.path("kind").asString()).isEqualTo("sip");
        assertThat(claims.path("metadata").asString()).isEqualTo("{\"a\":1}");
        assertThat(claims.path("attributes").path("sip.phoneNumber").asString()).isEqualTo("+4930123");
        JsonNode video = claims.path("video");
        assertThat(video.path("roomJoin").asBoolean()).isTrue();
        assertThat(video.path("room").asString()).isEqualTo("clinic-1");
        assertThat(video.path("canPublish").asBoolean()).isTrue();
        assertThat(video.path("canPublishData").asBoolean()).isFalse();
        JsonNode agents = claims.path("roomConfig").path("agents");
        assertThat(agents.size()).isEqualTo(1);
        assertThat(agents.get(0).path("agentName").asString()).isEqualTo("sofia");
        assertThat(agents.get(0).path("metadata").asString()).isEqualTo("{\"clinic\":\"berlin\"}");
        assertThat(claims.path("exp").asLong())
                .isEqualTo(NOW.plus(Duration.ofMinutes(5)).getEpochSecond());
    }

    @Test
    void anAdminTokenNamesItsRoom() {
        JsonNode video = json(AccessTokens.builder("key", "secret")
                        .roomAdmin("clinic-1")
                        .build()
                        .split("\\.")[1])
                .path("video");
        assertThat(video.path("roomAdmin").asBoolean()).isTrue();
        assertThat(video.path("room").asString()).isEqualTo("clinic-1");
    }

    @Test
    void blankKeysAndNonPositiveLifetimesAreRejected() {
        assertThatThrownBy(() -> AccessTokens.builder("", "secret")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTokens.builder("key", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessTokens.builder("key", "secret").ttl(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static JsonNode json(String base64Url) {
        return JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(base64Url));
    }

    private static boolean verifies(String[] parts, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]));
    }
}
