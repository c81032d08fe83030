package dev.sofia.clinic.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Who gets in where, over real HTTP: anonymous callers, staff, admins, sessions and scripts. */
@ClinicIntegrationTest
class StaffSecurityIntegrationTests {

    static final String PATIENT = "{\"firstName\":\"Erika\",\"lastName\":\"Muster\",\"dateOfBirth\":\"1980-02-03\"}";

    @Autowired
    Api api;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    StaffUsers users;

    @Autowired
    PasswordEncoder encoder;

    @BeforeEach
    void practice() {
        fixtures.reset();
    }

    private String staffUser(StaffRole role, String password) {
        String email = "staff-" + UUID.randomUUID() + "@praxis.test";
        users.add(email, "Team " + role.column(), encoder.encode(password), role);
        return email;
    }

    @Test
    void anUnauthenticatedApiRequestGets401ProblemWithABasicChallenge() {
        Api anonymous = api.anonymous();

        for (Api.Response response : new Api.Response[] {
            anonymous.get("/api/doctors"), anonymous.get("/api/calls"), anonymous.post("/api/patients", PATIENT)
        }) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.header("WWW-Authenticate")).startsWith("Basic realm=\"Sofia\"");
            assertThat(response.json().path("type").asString()).isEqualTo("/problems/unauthenticated");
            assertThat(response.json().path("status").asInt()).isEqualTo(401);
            assertThat(response.raw().headers().allValues("Set-Cookie"))
                    .as("no session for a refused API call")
                    .noneMatch(cookie -> cookie.startsWith("JSESSIONID"));
        }
        assertThat(anonymous
                        .get("/api/patients?lastName=Muster&dateOfBirth=1980-02-03")
                        .json()
                        .path("instance")
                        .asString())
                .isEqualTo("/api/patients");
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from patients")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnauthenticatedPageRequestIsSentToTheLoginPage() {
        Api anonymous = api.anonymous();

        for (String page : new String[] {"/swagger-ui.html", "/admin/users"}) {
            Api.Response response = anonymous.get(page);
            assertThat(response.status()).as(page).isEqualTo(302);
            assertThat(response.header("Location")).as(page).endsWith("/login");
        }
        // htmx swaps the answer into the page: it gets the problem, not the login page's HTML.
        Api.Response htmx = anonymous.send(HttpRequest.newBuilder(api.uri("/admin/users"))
                .header("HX-Request", "true")
                .build());
        assertThat(htmx.status()).isEqualTo(401);
    }

    @Test
    void wrongBasicCredentialsAndInactiveUsersGet401() {
        String email = staffUser(StaffRole.STAFF, "correct-horse-battery");

        assertThat(api.as(email, "wrong-horse-battery").get("/api/doctors").status())
                .isEqualTo(401);
        assertThat(api.as("nobody@praxis.test", "correct-horse-battery")
                        .get("/api/doctors")
                        .status())
                .isEqualTo(401);
        assertThat(api.as(email, "correct-horse-battery").get("/api/doctors").status())
                .isEqualTo(200);
        assertThat(api.as(email.toUpperCase(), "correct-horse-battery")
                        .get("/api/doctors")
                        .status())
                .as("e-mail addresses are not case-sensitive")
                .isEqualTo(200);

        fixtures.jdbc()
                .sql("update staff_users set active = false where email = ?")
                .param(email)
                .update();
        assertThat(api.as(email, "correct-horse-battery").get("/api/doctors").status())
                .isEqualTo(401);
    }

    @Test
    void aStaffUserWorksTheCalendarButGets403OnAdminEndpoints() {
        String email = staffUser(StaffRole.STAFF, "staff-password-42");
        Api staff = api.as(email, "staff-password-42");
        LocalDate today = LocalDate.now();

        assertThat(staff.get("/api/practice").status()).isEqualTo(200);
        assertThat(staff.get("/api/doctors").status()).isEqualTo(200);
        assertThat(staff.get("/api/appointments?from=" + today + "&to=" + today.plusDays(7))
                        .status())
                .isEqualTo(200);
        assertThat(staff.get("/api/calls").status()).isEqualTo(200);
        assertThat(staff.get("/api/messages").status()).isEqualTo(200);
        assertThat(staff.post("/api/patients", PATIENT).status()).isEqualTo(201);

        String practice = api.get("/api/practice").raw().body();
        for (Api.Response response : new Api.Response[] {
            staff.get("/api/telephony/connections"),
            staff.get("/api/telephony/sync"),
            staff.put("/api/practice", practice),
            staff.put("/api/receptionist/texts/greeting/de", "{\"text\":\"Hallo\"}"),
            staff.get("/v3/api-docs"),
            staff.get("/actuator/metrics")
        }) {
            assertThat(response.status()).as(response.raw().uri().toString()).isEqualTo(403);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().path("type").asString()).isEqualTo("/problems/forbidden");
        }
        assertThat(staff.get("/api/receptionist/texts").status()).isEqualTo(200);
    }

    @Test
    void anAdminMayDoWhatStaffMayAndMore() {
        String email = staffUser(StaffRole.ADMIN, "admin-password-42");
        Api admin = api.as(email, "admin-password-42");

        assertThat(admin.get("/api/doctors").status()).isEqualTo(200);
        assertThat(admin.get("/api/telephony/connections").status()).isEqualTo(200);
        assertThat(admin.put("/api/practice", api.get("/api/practice").raw().body())
                        .status())
                .isEqualTo(200);
        assertThat(admin.get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void aBasicRequestFromABrowserOnAnotherSiteStillNeedsTheCsrfToken() {
        Api.Response forged = api.post("/api/patients", PATIENT, "Origin", "https://evil.example");

        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().path("type").asString()).isEqualTo("/problems/csrf-rejected");
        assertThat(fixtures.jdbc()
                        .sql("select count(*) from patients")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void theCallerEndpointsAndProbesStayPublic() {
        Api anonymous = api.anonymous();

        assertThat(anonymous.post("/api/sofia/connect", "{}").status()).isEqualTo(201);
        assertThat(anonymous
                        .post("/api/livekit-token", "{\"identity\":\"web-1\",\"room\":\"lobby\"}")
                        .status())
                .isEqualTo(200);
        assertThat(anonymous.get("/health").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(anonymous.get("/").status()).isEqualTo(200);
        assertThat(anonymous.get("/login").status()).isEqualTo(200);
        assertThat(anonymous.get("/css/sofia.css").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
    }
}
