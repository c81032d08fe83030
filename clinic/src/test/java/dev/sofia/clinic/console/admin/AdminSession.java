package dev.sofia.clinic.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A signed-in browser without the browser, for the admin pages' HTTP-level tests: a cookie jar,
 * the login form's POST with its CSRF token, then form POSTs carrying the token from the {@code
 * XSRF-TOKEN} cookie as console.js sends it. Redirects are not followed, so a test sees the 302
 * of a saved form or the 422 of a refused one.
 */
final class AdminSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final Api api;

    private AdminSession(Api api) {
        this.api = api.through(HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    static AdminSession signIn(Api api, String email, String password) {
        AdminSession session = new AdminSession(api);
        Api.Response page = session.api.get("/login");
        Matcher token = CSRF_FIELD.matcher(page.raw().body());
        assertThat(token.find()).isTrue();
        Api.Response login =
                session.form("/login", Map.of("email", email, "password", password, "_csrf", token.group(1)));
        assertThat(login.header("Location")).as("signed in").endsWith("/console");
        session.api.get("/console"); // the first request after login brings the XSRF-TOKEN cookie
        return session;
    }

    /** A page as a browser asks for it (an error then comes as the error page, not JSON). */
    Api.Response get(String path) {
        return api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    /** A form POST as the page's form sends it (URL-encoded), with the CSRF header. */
    Api.Response post(String path, Map<String, String> fields) {
        return form(path, fields);
    }

    private Api.Response form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        String token = cookie("XSRF-TOKEN");
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        return api.send(request.build());
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name) && !c.getValue().isEmpty())
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }
}
