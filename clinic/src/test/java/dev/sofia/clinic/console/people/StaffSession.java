package dev.sofia.clinic.console.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in member of staff over plain HTTP, as a browser without JavaScript: a cookie jar, the
 * login form, and forms posted with the CSRF token the page rendered. Redirects are not followed,
 * so a test sees them.
 */
final class StaffSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final Api api;

    private StaffSession(Api api) {
        this.api = api;
    }

    static StaffSession signIn(Api api, String email, String password) {
        StaffSession session = new StaffSession(api.through(HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()));
        Api.Response login = session.post("/login", "/login", Map.of("email", email, "password", password));
        assertThat(login.status()).as("login").isEqualTo(302);
        assertThat(login.header("Location")).doesNotContain("error");
        return session;
    }

    Api.Response get(String path) {
        return api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    /** Opens {@code page}, takes the CSRF token from its forms, and posts {@code form} to {@code action}. */
    Api.Response post(String page, String action, Map<String, String> form) {
        Api.Response opened = get(page);
        Matcher token = CSRF_FIELD.matcher(opened.raw().body());
        assertThat(token.find())
                .as("a form on " + page + " carries a CSRF token")
                .isTrue();
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", token.group(1));
        return postRaw(action, withToken);
    }

    /** Posts without looking for a token: what a forged request can do. */
    Api.Response postRaw(String action, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return api.send(HttpRequest.newBuilder(api.uri(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }
}
