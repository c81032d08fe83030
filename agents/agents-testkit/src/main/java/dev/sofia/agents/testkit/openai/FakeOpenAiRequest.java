package dev.sofia.agents.testkit.openai;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A request the {@link FakeOpenAiServer} received: when its body had arrived, method, path, headers
 * (names in lower case), the raw body, and the body parsed: {@code json} for JSON requests, {@code
 * form} and {@code file} for multipart uploads (transcriptions).
 */
public record FakeOpenAiRequest(
        Instant receivedAt,
        String method,
        String path,
        Map<String, List<String>> headers,
        byte[] body,
        @Nullable JsonNode json,
        Map<String, String> form,
        @Nullable UploadedFile file) {

    /** A file part of a multipart request. */
    public record UploadedFile(String fieldName, String filename, String contentType, byte[] bytes) {}

    public FakeOpenAiRequest {
        headers = Map.copyOf(headers);
        form = Map.copyOf(form);
    }

    /** The first value of a header (any case), or {@code null}. */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** The parsed JSON body; fails if the request had none. */
    public JsonNode requireJson() {
        if (json == null) {
            throw new IllegalStateException(method + " " + path + " had no JSON body");
        }
        return json;
    }
}
