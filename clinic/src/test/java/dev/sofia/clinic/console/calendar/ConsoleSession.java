package dev.sofia.clinic.console.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in staff member's browser without the browser: a cookie jar, the real login form, and
 * form posts with the CSRF token the page rendered (no HTTP Basic, which skips CSRF).
 */
final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final Api api;

    private ConsoleSession(Api api) {
        this.api = api;
    }

    static ConsoleSession signIn(Api base, String email, String password) {
        Api api = base.through(HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
        ConsoleSession session = new ConsoleSession(api);
        Api.Response login = api.get("/login");
        Api.Response answer = session.post("/login", csrf(login.raw().body()), "email", email, "password", password);
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("Location")).endsWith("/console");
        return session;
    }

    Api.Response get(String path) {
        return api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    /** The HTMX request of the patient search as-you-type. */
    Api.Response htmx(String path) {
        return api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Accept", "text/html")
                .header("HX-Request", "true")
                .GET()
                .build());
    }

    /** The CSRF token a page's form carries. */
    static String csrf(String page) {
        Matcher m = CSRF.matcher(page);
        assertThat(m.find()).as("the page has a form with a CSRF token").isTrue();
        return m.group(1);
    }

    /** Posts a form: {@code fields} are name, value, name, value …; null values are left out. */
    Api.Response post(String path, String csrf, String... fields) {
        List<String> pairs = new ArrayList<>();
        if (csrf != null) {
            pairs.add("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                pairs.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
            }
        }
        return api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs)))
                .build());
    }

    /** Posts a form given as a map (insertion order kept). */
    Api.Response post(String path, String csrf, Map<String, String> fields) {
        return post(
                path,
                csrf,
                fields.entrySet().stream()
                        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                        .collect(Collectors.toList())
                        .toArray(String[]::new));
    }
}
