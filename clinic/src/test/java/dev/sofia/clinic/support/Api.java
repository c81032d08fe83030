package dev.sofia.clinic.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny HTTP client for the running app: raw bodies in, status and parsed JSON out. The injected
 * one signs every request in as the test admin with HTTP Basic ({@link #ADMIN_EMAIL}, made by the
 * app from {@code SOFIA_ADMIN_EMAIL}/{@code SOFIA_ADMIN_PASSWORD} in the test annotations); {@link
 * #anonymous()} and {@link #as(String, String)} make variants for security tests. A request that
 * brings its own {@code Authorization} header keeps it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class Api {

    /** The admin every test context creates at start-up (see the test annotations). */
    public static final String ADMIN_EMAIL = "admin@praxis.test";

    public static final String ADMIN_PASSWORD = "test-admin-password-0815";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Environment env;
    private final HttpClient http;
    private final @Nullable String authorization;

    @Autowired
    Api(Environment env) {
        this(env, HttpClient.newHttpClient(), basic(ADMIN_EMAIL, ADMIN_PASSWORD));
    }

    private Api(Environment env, HttpClient http, @Nullable String authorization) {
        this.env = env;
        this.http = http;
        this.authorization = authorization;
    }

    /** The same client without credentials. */
    public Api anonymous() {
        return new Api(env, http, null);
    }

    /** The same client signing in as another user with HTTP Basic. */
    public Api as(String email, String password) {
        return new Api(env, http, basic(email, password));
    }

    /** Requests through {@code client} (one with a cookie jar, say) and without credentials. */
    public Api through(HttpClient client) {
        return new Api(env, client, null);
    }

    public static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
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

    public Response put(String path, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE().build());
    }

    public Response send(HttpRequest request) {
        if (authorization != null
                && request.headers().firstValue("Authorization").isEmpty()) {
            request = HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", authorization)
                    .build();
        }
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
