package dev.sofia.clinic.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A person's browser over plain HTTP, without JavaScript: a cookie jar, the real login form, pages
 * asked for as a browser asks ({@code Accept: text/html}), and form posts carrying the CSRF token
 * the way each test needs it — from the page's form ({@link #post(String, String, String...)},
 * {@link #postFrom}), from the {@code XSRF-TOKEN} cookie as console.js sends it ({@link
 * #postXsrf}), or not at all, as a forged request ({@link #postWithoutToken}). No HTTP
 * Basic, which skips CSRF. Redirects are not followed, so a test sees them.
 */
public final class FormSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"");

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final Api api;

    /** A browser with an empty cookie jar, not signed in. */
    public FormSession(Api api) {
        this.api = api.through(HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /**
     * Signs in through the login form and fails the test unless that lands in the console; then
     * opens the console once, as the first request after login brings the {@code XSRF-TOKEN}
     * cookie.
     */
    public static FormSession signIn(Api api, String email, String password) {
        FormSession session = new FormSession(api);
        Api.Response login = session.logIn(email, password);
        assertThat(login.status()).as("login").isEqualTo(302);
        assertThat(login.header("Location")).as("signed in").endsWith("/console");
        session.get("/console");
        return session;
    }

    /** Requests with this browser's cookies, as {@link Api} does (JSON, no {@code Accept} header). */
    public Api api() {
        return api;
    }

    /** Opens the login page and submits its form; returns the form POST's response. */
    public Api.Response logIn(String email, String password) {
        Api.Response page = api.get("/login");
        assertThat(page.status()).isEqualTo(200);
        String token = csrf(page.raw().body());
        Matcher action = FORM_ACTION.matcher(page.raw().body());
        assertThat(action.find()).as("the login form posts somewhere").isTrue();
        return postWithoutToken(action.group(1), Map.of("email", email, "password", password, "_csrf", token));
    }

    /** A page as a browser asks for it (an error then comes as the error page, not JSON). */
    public Api.Response get(String path) {
        return api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Accept", "text/html")
                .GET()
                .build());
    }

    /** An htmx request (the patient search as-you-type, say): a page part, not a whole page. */
    public Api.Response htmx(String path) {
        return api.send(HttpRequest.newBuilder(api.uri(path))
                .header("Accept", "text/html")
                .header("HX-Request", "true")
                .GET()
                .build());
    }

    /** The CSRF token a page's form carries; fails the test if it has none. */
    public static String csrf(String page) {
        Matcher m = CSRF_FIELD.matcher(page);
        assertThat(m.find()).as("the page has a form with a CSRF token").isTrue();
        return m.group(1);
    }

    /**
     * Posts a form with {@code csrf} as its {@code _csrf} field (none if null): {@code fields} are
     * name, value, name, value …; null values are left out.
     */
    public Api.Response post(String path, @Nullable String csrf, String... fields) {
        List<String> pairs = new ArrayList<>();
        if (csrf != null) {
            pairs.add("_csrf");
            pairs.add(csrf);
        }
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (fields[i + 1] != null) {
                pairs.add(fields[i]);
                pairs.add(fields[i + 1]);
            }
        }
        return send(path, pairs, null);
    }

    /** As {@link #post(String, String, String...)}, the fields given as a map (its order kept). */
    public Api.Response post(String path, @Nullable String csrf, Map<String, String> fields) {
        return post(
                path,
                csrf,
                fields.entrySet().stream()
                        .flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
                        .toArray(String[]::new));
    }

    /** Opens {@code page}, takes the CSRF token from its form, and posts {@code form} to {@code action}. */
    public Api.Response postFrom(String page, String action, Map<String, String> form) {
        Api.Response opened = get(page);
        Matcher token = CSRF_FIELD.matcher(opened.raw().body());
        assertThat(token.find())
                .as("a form on " + page + " carries a CSRF token")
                .isTrue();
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", token.group(1));
        return postWithoutToken(action, withToken);
    }

    /**
     * A form POST as console.js sends it: the token from the {@code XSRF-TOKEN} cookie in the
     * {@code X-XSRF-TOKEN} header (none if there is no such cookie).
     */
    public Api.Response postXsrf(String path, Map<String, String> fields) {
        return send(path, pairs(fields), cookie("XSRF-TOKEN"));
    }

    /** Posts exactly {@code form}, without looking for a token: what a forged request can do. */
    public Api.Response postWithoutToken(String path, Map<String, String> form) {
        return send(path, pairs(form), null);
    }

    /** The value of a cookie the app set, or null. */
    public @Nullable String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name)
                        && !c.hasExpired()
                        && !c.getValue().isEmpty())
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    private static List<String> pairs(Map<String, String> form) {
        List<String> pairs = new ArrayList<>();
        form.forEach((name, value) -> {
            pairs.add(name);
            pairs.add(value);
        });
        return pairs;
    }

    /** Posts the URL-encoded name/value {@code pairs}, with {@code xsrfHeader} if not null. */
    private Api.Response send(String path, List<String> pairs, @Nullable String xsrfHeader) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i + 1 < pairs.size(); i += 2) {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(pairs.get(i), StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(pairs.get(i + 1), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(api.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (xsrfHeader != null) {
            request.header("X-XSRF-TOKEN", xsrfHeader);
        }
        return api.send(request.build());
    }
}
