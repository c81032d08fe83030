package dev.sofia.clinic.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.FormSession;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The login page and the form login: a session cookie, CSRF on every change, logout. */
@ClinicIntegrationTest
class LoginIntegrationTests {

    static final String PASSWORD = "reception-desk-2026";

    @Autowired
    Api api;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    StaffUsers users;

    @Autowired
    PasswordEncoder encoder;

    String email;

    @BeforeEach
    void staffUser() {
        fixtures.reset();
        email = "desk-" + UUID.randomUUID() + "@praxis.test";
        users.add(email, "Empfang", encoder.encode(PASSWORD), StaffRole.STAFF);
    }

    @Test
    void theLoginPageSpeaksGermanOrEnglishAndLabelsItsFields() {
        Api anonymous = api.anonymous();

        String german = anonymous.get("/login").raw().body();
        String english = anonymous.get("/login?lang=en").raw().body();
        String byBrowser = anonymous
                .send(HttpRequest.newBuilder(api.uri("/login"))
                        .header("Accept-Language", "en-US,en;q=0.9,de;q=0.8")
                        .build())
                .raw()
                .body();
        String germanBrowser = anonymous
                .send(HttpRequest.newBuilder(api.uri("/login"))
                        .header("Accept-Language", "fr-FR,de;q=0.8,en;q=0.5")
                        .build())
                .raw()
                .body();

        assertThat(german).contains("<html lang=\"de\"", "Anmelden", "Passwort");
        assertThat(english).contains("<html lang=\"en\"", "Sign in", "Password");
        assertThat(byBrowser).contains("<html lang=\"en\"", "Sign in");
        assertThat(germanBrowser).contains("<html lang=\"de\"", "Anmelden");
        for (String page : List.of(german, english)) {
            assertThat(page)
                    .contains("<label for=\"email\"", "id=\"email\"", "autocomplete=\"username\"")
                    .contains("<label for=\"password\"", "id=\"password\"", "type=\"password\"")
                    .contains("autocomplete=\"current-password\"", "<button type=\"submit\"")
                    .contains("name=\"_csrf\"");
        }
    }

    @Test
    void aFormLoginOpensASessionThatWorksTheApiWithItsCsrfToken() {
        FormSession browser = new FormSession(api);

        Api.Response login = browser.logIn(email, PASSWORD);

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).doesNotContain("error");
        assertThat(login.raw().headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie)
                        .startsWith("JSESSIONID=")
                        .containsIgnoringCase("HttpOnly")
                        .containsIgnoringCase("SameSite=Lax"));
        Api session = browser.api();
        assertThat(session.get("/api/doctors").status()).isEqualTo(200);
        assertThat(users.findByEmail(email).orElseThrow().lastLoginAt())
                .isNotNull()
                .isBeforeOrEqualTo(Instant.now());

        // A signed-in browser gets the readable CSRF cookie with its first request after login.
        String csrf = browser.cookie("XSRF-TOKEN");
        assertThat(csrf).isNotBlank();

        Api.Response withoutToken = session.post("/api/patients", StaffSecurityIntegrationTests.PATIENT);
        assertThat(withoutToken.status()).isEqualTo(403);
        assertThat(withoutToken.header("Content-Type")).startsWith("application/problem+json");
        assertThat(withoutToken.json().path("type").asString()).isEqualTo("/problems/csrf-rejected");
        assertThat(session.post("/api/patients", StaffSecurityIntegrationTests.PATIENT, "X-XSRF-TOKEN", "forged")
                        .status())
                .isEqualTo(403);
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from patients")
                        .query(Integer.class)
                        .single())
                .isZero();

        Api.Response withToken =
                session.post("/api/patients", StaffSecurityIntegrationTests.PATIENT, "X-XSRF-TOKEN", csrf);
        assertThat(withToken.status()).as(withToken.raw().body()).isEqualTo(201);

        // Still staff, not admin.
        assertThat(session.get("/api/telephony/connections").status()).isEqualTo(403);
    }

    @Test
    void aWrongPasswordShowsTheErrorAndOpensNoSession() {
        FormSession browser = new FormSession(api);

        Api.Response login = browser.logIn(email, "not-the-password");

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/login?error&lang=de");
        assertThat(browser.api().get("/api/doctors").status()).isEqualTo(401);
        assertThat(browser.api().get("/login?error&lang=en").raw().body())
                .contains("role=\"alert\"", "Wrong e-mail address or password");
        assertThat(users.findByEmail(email).orElseThrow().lastLoginAt()).isNull();
    }

    @Test
    void aLoginWithoutTheFormsCsrfTokenIsRefused() {
        FormSession browser = new FormSession(api);
        browser.api().get("/login");

        Api.Response login = browser.postWithoutToken("/login", Map.of("email", email, "password", PASSWORD));

        assertThat(login.status()).isEqualTo(302);
        assertThat(login.header("Location")).endsWith("/login");
        assertThat(browser.api().get("/api/doctors").status()).isEqualTo(401);
    }

    @Test
    void logoutEndsTheSession() {
        FormSession browser = new FormSession(api);
        browser.logIn(email, PASSWORD);
        Api session = browser.api();
        assertThat(session.get("/api/doctors").status()).isEqualTo(200);

        Api.Response logout =
                session.post("/logout", "", "X-XSRF-TOKEN", browser.cookie("XSRF-TOKEN"), "Accept", "text/html");

        assertThat(logout.status()).isEqualTo(302);
        assertThat(logout.header("Location")).endsWith("/login?logout");
        assertThat(session.get("/api/doctors").status()).isEqualTo(401);
    }
}
