package dev.sofia.clinic.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tiny HTTP client for the running app: raw bodies in, status and parsed JSON out. */
@TestConfiguration(proxyBeanMethods = false)
public class Api {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Environment env;
    private final HttpClient http = HttpClient.newHttpClient();

    Api(Environment env) {
        this.env = env;
    }

    /** Status, headers and body of one response; {@link #json()} parses the body. */
    public record Response(int status, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public Response post(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public Response put(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json))
                .build());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
    }

    public Response send(HttpRequest request) {
        try {
            return toResponse(http.send(request, HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Response toResponse(HttpResponse<String> response) {
        return new Response(response.statusCode(), response);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + env.getProperty("local.server.port") + path);
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public static List<JsonNode> list(JsonNode array) {
        return array.valueStream().toList();
    }
}
