package dev.sofia.clinic.system.security;

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
 * A person with a browser: a cookie jar, the login page, the login form's real POST with the CSRF
 * token the page rendered, and session requests without any {@code Authorization} header.
 */
final class Browser {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final Api api;

    Browser(Api api) {
        this.api = api.through(HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    Api api() {
        return api;
    }

    /** Opens the login page and submits its form; returns the form POST's response. */
    Api.Response logIn(String email, String password) {
        Api.Response page = api.get("/login");
        assertThat(page.status()).isEqualTo(200);
        Matcher token = CSRF_FIELD.matcher(page.raw().body());
        assertThat(token.find()).as("the login form carries a CSRF token").isTrue();
        Matcher action = FORM_ACTION.matcher(page.raw().body());
        assertThat(action.find()).as("the login form posts somewhere").isTrue();
        return submitLogin(action.group(1), Map.of("email", email, "password", password, "_csrf", token.group(1)));
    }

    Api.Response submitLogin(String action, Map<String, String> form) {
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

    /** The value of a cookie the app set, or null. */
    String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)
                        && !c.hasExpired()
                        && !c.getValue().isEmpty())
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }
}
