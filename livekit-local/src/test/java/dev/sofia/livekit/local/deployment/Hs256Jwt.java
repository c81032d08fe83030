package dev.sofia.livekit.local.deployment;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LiveKit's access tokens and webhook signatures are HS256 JWTs; livekit-local has no LiveKit SDK,
 * and a dozen lines of JDK crypto mint and check them for these tests.
 */
final class Hs256Jwt {

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private Hs256Jwt() {}

    /** A server API token of {@code apiKey}, valid for ten minutes, with the given video grant. */
    static String apiToken(String apiKey, String secret, Map<String, Object> videoGrant) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims =
                Map.of("iss", apiKey, "sub", "deploy-test", "nbf", now - 5, "exp", now + 600, "video", videoGrant);
        String signingInput = part(Map.of("alg", "HS256", "typ", "JWT")) + "." + part(claims);
        return signingInput + "." + URL.encodeToString(hmac(secret, signingInput));
    }

    /** The claims of {@code token} if its signature is valid for {@code secret}, else an error. */
    static JsonNode verifiedClaims(String token, String secret) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT");
        }
        byte[] expected = hmac(secret, parts[0] + "." + parts[1]);
        if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
            throw new IllegalArgumentException("signature does not match the secret");
        }
        return JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static String part(Map<String, Object> json) {
        return URL.encodeToString(JsonMapper.shared().writeValueAsBytes(json));
    }

    private static byte[] hmac(String secret, String input) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
