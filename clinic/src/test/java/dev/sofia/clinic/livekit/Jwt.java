package dev.sofia.clinic.livekit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JWT's payload without verifying it: enough to check what a token grants. */
final class Jwt {

    private Jwt() {}

    static JsonNode payload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException("not a JWT: " + parts.length + " parts");
        }
        byte[] json = Base64.getUrlDecoder().decode(parts[1]);
        return JsonMapper.shared().readTree(new String(json, StandardCharsets.UTF_8));
    }

    static JsonNode header(String jwt) {
        byte[] json = Base64.getUrlDecoder().decode(jwt.split("\\.")[0]);
        return JsonMapper.shared().readTree(new String(json, StandardCharsets.UTF_8));
    }
}
