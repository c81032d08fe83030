package dev.sofia.clinic.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.FormSession;
import dev.sofia.clinic.support.StaffAccounts;
import dev.sofia.clinic.support.TestClock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The admin pages' forms over plain HTTP, for the edge cases a browser test would be too slow
 * for: every refused form answers 422 with the reason next to the field and changes nothing (the
 * same checks as the REST API, the API itself shows it), passwords never come back, and the rules
 * about one's own account hold.
 */
@ClinicIntegrationTest
class AdminPagesHttpTests {

    @Autowired
    Api api;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    TestClock clock;

    private FormSession admin;

    @BeforeEach
    void demoPracticeAndOnlyTheTestAdmin() {
        fixtures.demoPractice(clock);
        new StaffAccounts(fixtures.jdbc()).onlyTheTestAdmin();
        admin = FormSession.signIn(api, Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
    }

    @Test
    void aRefusedPracticeFormIs422WithTheReasonAtTheFieldAndChangesNothing() {
        String before = api.get("/api/practice").raw().body();
        Map<String, List<String>> cases = Map.of(
                "phone", List.of("phone", "12"),
                "slotIntervalMinutes", List.of("slotIntervalMinutes", "3"),
                "hours.MONDAY.0.closes", List.of("hours.MONDAY.0.closes", "07:00"),
                "address.country", List.of("address.country", "Deutschland"),
                "timeZone", List.of("timeZone", "Mars/Olympus"),
                "name", List.of("name", " "),
                "transferMain", List.of("transferMain", "+49 1"));
        cases.forEach((field, change) -> {
            Map<String, String> form = practice();
            form.put(change.get(0), change.get(1));
            Api.Response refused = admin.postXsrf("/admin/settings/practice", form);
            assertThat(refused.status()).as(field).isEqualTo(422);
            assertThat(refused.raw().body())
                    .as(field)
                    .contains("id=\"" + field + "-error\"")
                    .contains("aria-describedby=\"" + field + "-error\"")
                    .contains("aria-invalid=\"true\"");
            assertThat(api.get("/api/practice").raw().body()).as(field).isEqualTo(before);
        });

        Map<String, String> noLanguage = practice();
        noLanguage.remove("languages");
        assertThat(admin.postXsrf("/admin/settings/practice", noLanguage).status())
                .isEqualTo(422);
        assertThat(api.get("/api/practice").raw().body()).isEqualTo(before);

        Map<String, String> valid = practice();
        valid.put("name", "Zahnarztpraxis Sonnenschein");
        Api.Response saved = admin.postXsrf("/admin/settings/practice", valid);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith("/admin/settings");
        assertThat(api.get("/api/practice").json().get("name").asString()).isEqualTo("Zahnarztpraxis Sonnenschein");
    }

    @Test
    void theCallLimitsAreShownExplainedSavedAndCheckedAtTheirFields() {
        String page = admin.get("/admin/settings").raw().body();
        assertThat(page)
                .contains("Längste Gesprächsdauer (Minuten)")
                .contains("Gleichzeitige Gespräche")
                .contains("id=\"maxCallMinutes-hint\"")
                .containsPattern("name=\"maxCallMinutes\" value=\"15\" min=\"1\" max=\"120\"")
                .containsPattern("name=\"maxConcurrentCalls\" value=\"10\" min=\"1\" max=\"500\"");

        String before = api.get("/api/practice").raw().body();
        Map<String, String> reasons = Map.of(
                "maxCallMinutes", "muss zwischen 1 und 120 liegen",
                "maxConcurrentCalls", "muss zwischen 1 und 500 liegen");
        for (List<String> bad : List.of(
                List.of("maxCallMinutes", "0"),
                List.of("maxCallMinutes", "121"),
                List.of("maxCallMinutes", "zehn"),
                List.of("maxCallMinutes", ""),
                List.of("maxConcurrentCalls", "0"),
                List.of("maxConcurrentCalls", "501"))) {
            String field = bad.get(0);
            Map<String, String> form = practice();
            form.put("name", "Darf nicht gespeichert werden");
            form.put(field, bad.get(1));
            Api.Response refused = admin.postXsrf("/admin/settings/practice", form);
            assertThat(refused.status()).as(bad.toString()).isEqualTo(422);
            assertThat(refused.raw().body())
                    .as(bad.toString())
                    .contains("id=\"" + field + "-error\"")
                    .contains("aria-describedby=\"" + field + "-error " + field + "-hint\"")
                    .contains(reasons.get(field))
                    // shown again as typed
                    .contains("value=\"" + bad.get(1) + "\"");
            assertThat(api.get("/api/practice").raw().body()).as(bad.toString()).isEqualTo(before);
        }

        Map<String, String> valid = practice();
        valid.put("maxCallMinutes", "45");
        valid.put("maxConcurrentCalls", "3");
        assertThat(admin.postXsrf("/admin/settings/practice", valid).status()).isEqualTo(302);
        var practice = api.get("/api/practice").json();
        assertThat(practice.get("maxCallMinutes").asInt()).isEqualTo(45);
        assertThat(practice.get("maxConcurrentCalls").asInt()).isEqualTo(3);
        assertThat(admin.get("/admin/settings").raw().body())
                .containsPattern("name=\"maxCallMinutes\" value=\"45\"")
                .containsPattern("name=\"maxConcurrentCalls\" value=\"3\"");

        assertThat(admin.get("/admin/settings?lang=en").raw().body())
                .contains("Longest call (minutes)")
                .contains("Concurrent calls");
        Map<String, String> tooMany = practice();
        tooMany.put("maxConcurrentCalls", "501");
        assertThat(admin.postXsrf("/admin/settings/practice", tooMany).raw().body())
                .contains("must be between 1 and 500");
    }

    @Test
    void sofiasTextsAreCheckedAsTheApiChecksThemAndSavedTogetherOrNotAtAll() {
        String before = api.get("/api/receptionist/texts").raw().body();
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("greeting", "Guten Tag, Praxis Sonnenschein!");
        bad.put("parking", "Parkplätze\u0007 im Hof");
        Api.Response refused = admin.postXsrf("/admin/settings/texts/de", bad);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.raw().body()).contains("id=\"text-de-parking-error\"");
        assertThat(api.get("/api/receptionist/texts").raw().body()).isEqualTo(before);

        assertThat(admin.postXsrf("/admin/settings/texts/de", Map.of("insurance", "x".repeat(2001)))
                        .status())
                .isEqualTo(422);
        assertThat(admin.postXsrf("/admin/settings/texts/fr", Map.of("greeting", "Bonjour"))
                        .status())
                .isEqualTo(422);
        assertThat(api.get("/api/receptionist/texts").raw().body()).isEqualTo(before);

        // a textarea's line breaks arrive as CR LF and are stored as the API stores them
        Api.Response saved =
                admin.postXsrf("/admin/settings/texts/en", Map.of("directions", "Tram 4,\r\nstop Rathaus"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(Api.list(api.get("/api/receptionist/texts").json()).stream()
                        .filter(t -> t.get("topic").asString().equals("directions")
                                && t.get("language").asString().equals("en"))
                        .map(t -> t.get("text").asString()))
                .containsExactly("Tram 4,\nstop Rathaus");
    }

    @Test
    void refusedTelephonyChangesAre422Or409AndWriteNothingAndPasswordsNeverComeBack() {
        Api.Response noInbound =
                admin.postXsrf("/admin/telephony/connections", Map.of("name", "", "carrier", "generic"));
        assertThat(noInbound.status()).isEqualTo(422);
        assertThat(noInbound.raw().body()).contains("id=\"name-error\"").contains("id=\"inbound-error\"");
        assertThat(fixtures.count("telephony_connections")).isZero();

        String secret = "inbound-secret-4711";
        Map<String, String> connection = new LinkedHashMap<>();
        connection.put("name", "Telnyx Berlin");
        connection.put("carrier", "telnyx");
        connection.put("inbound.allowedAddresses", "192.0.2.0/24\n10.0.0.1/8");
        connection.put("inbound.username", "sofia-in");
        connection.put("inbound.password", secret);
        Api.Response badAddress = admin.postXsrf("/admin/telephony/connections", connection);
        assertThat(badAddress.status()).isEqualTo(422);
        assertThat(badAddress.raw().body()).contains("10.0.0.1/8:").doesNotContain(secret);
        assertThat(fixtures.count("telephony_connections")).isZero();

        connection.put("inbound.allowedAddresses", "192.0.2.0/24");
        assertThat(admin.postXsrf("/admin/telephony/connections", connection).status())
                .isEqualTo(302);
        UUID id = fixtures.jdbc()
                .sql("select id from telephony_connections")
                .query(UUID.class)
                .single();
        assertThat(admin.get("/admin/telephony").raw().body())
                .contains("Telnyx Berlin")
                .doesNotContain(secret);
        assertThat(admin.get("/admin/telephony/connections/" + id).raw().body()).doesNotContain(secret);
        Api.Response gone = admin.get("/admin/telephony/connections/" + UUID.randomUUID());
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.raw().body()).contains("Seite nicht gefunden"); // the console's page, not problem+json

        // an edit that leaves the password empty keeps it
        connection.remove("inbound.password");
        connection.put("name", "Telnyx Berlin 2");
        assertThat(admin.postXsrf("/admin/telephony/connections/" + id, connection)
                        .status())
                .isEqualTo(302);
        assertThat(api.get("/api/telephony/connections/" + id)
                        .json()
                        .at("/inbound/hasPassword")
                        .asBoolean())
                .isTrue();

        Api.Response badNumber = admin.postXsrf(
                "/admin/telephony/numbers",
                Map.of("number.connectionId", id.toString(), "number.number", "030 901820", "number.label", "Empfang"));
        assertThat(badNumber.status()).isEqualTo(422);
        assertThat(badNumber.raw().body()).contains("id=\"number.number-error\"");
        assertThat(fixtures.count("phone_numbers")).isZero();

        Map<String, String> number = Map.of("number.connectionId", id.toString(), "number.number", "+49 30 901820");
        assertThat(admin.postXsrf("/admin/telephony/numbers", number).status()).isEqualTo(302);
        assertThat(admin.postXsrf("/admin/telephony/numbers", number).status()).isEqualTo(409);
        assertThat(fixtures.count("phone_numbers")).isEqualTo(1);

        // a connection that still has numbers is not deleted
        assertThat(admin.postXsrf("/admin/telephony/connections/" + id + "/delete", Map.of())
                        .status())
                .isEqualTo(409);
        assertThat(fixtures.count("telephony_connections")).isEqualTo(1);

        assertThat(admin.postXsrf(
                                "/admin/telephony/targets",
                                Map.of("target.kind", "boss", "target.number", "+4930901829"))
                        .status())
                .isEqualTo(422);
        assertThat(fixtures.count("transfer_targets")).isZero();
    }

    @Test
    void anAdminCannotDemoteOrDeactivateThemselvesAndPasswordsMustBe12To72Bytes() {
        UUID me = fixtures.jdbc()
                .sql("select id from staff_users where email = ?")
                .param(Api.ADMIN_EMAIL)
                .query(UUID.class)
                .single();
        Api.Response demote = admin.postXsrf("/admin/users/" + me + "/role", Map.of("role", "STAFF"));
        assertThat(demote.status()).isEqualTo(422);
        assertThat(demote.raw().body()).contains("Sie können sich nicht selbst die Admin-Rechte entziehen");
        assertThat(admin.postXsrf("/admin/users/" + me + "/active", Map.of("active", "false"))
                        .status())
                .isEqualTo(422);
        assertThat(fixtures.jdbc()
                        .sql("select role || active from staff_users where id = ?")
                        .param(me)
                        .query(String.class)
                        .single())
                .isEqualTo("admintrue");

        Map<String, String> user = new LinkedHashMap<>(Map.of(
                "email", "Helga@Praxis.test", "displayName", "Helga", "role", "STAFF", "password", "elf-zeichen"));
        assertThat(admin.postXsrf("/admin/users", user).status()).isEqualTo(422);
        user.put("password", "ä".repeat(37)); // 37 characters, 74 bytes: more than bcrypt reads
        assertThat(admin.postXsrf("/admin/users", user).status()).isEqualTo(422);
        user.put("email", "not-an-address");
        user.put("password", "zwölf-zeichen-und-mehr");
        assertThat(admin.postXsrf("/admin/users", user).status()).isEqualTo(422);
        assertThat(fixtures.count("staff_users")).isEqualTo(1);

        user.put("email", "Helga@Praxis.test");
        assertThat(admin.postXsrf("/admin/users", user).status()).isEqualTo(302);
        String hash = fixtures.jdbc()
                .sql("select password_hash from staff_users where email = 'helga@praxis.test'")
                .query(String.class)
                .single();
        assertThat(hash).startsWith("$2").doesNotContain("zwölf");
        assertThat(admin.postXsrf("/admin/users", user).status())
                .as("the same address again")
                .isEqualTo(422);
        assertThat(admin.get("/admin/users").raw().body()).doesNotContain("zwölf-zeichen-und-mehr");

        // front-desk staff may not use the admin forms
        new StaffAccounts(fixtures.jdbc()).staff("empfang@praxis.test", "empfang-passwort-42");
        FormSession staff = FormSession.signIn(api, "empfang@praxis.test", "empfang-passwort-42");
        assertThat(staff.postXsrf("/admin/users/" + me + "/active", Map.of("active", "false"))
                        .status())
                .isEqualTo(403);
        assertThat(staff.get("/admin/settings").status()).isEqualTo(403);
    }

    @Test
    void aDemotedAdminsOpenSessionEndsWithTheirNextRequest() {
        new StaffAccounts(fixtures.jdbc()).admin("zweite@praxis.test", "zweites-passwort-12");
        FormSession second = FormSession.signIn(api, "zweite@praxis.test", "zweites-passwort-12");
        assertThat(second.get("/admin/users").status()).isEqualTo(200);
        UUID id = fixtures.jdbc()
                .sql("select id from staff_users where email = 'zweite@praxis.test'")
                .query(UUID.class)
                .single();

        assertThat(admin.postXsrf("/admin/users/" + id + "/role", Map.of("role", "STAFF"))
                        .status())
                .isEqualTo(302);
        Api.Response next = second.get("/admin/users");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.header("Location")).endsWith("/login");
        assertThat(second.get("/console").status()).as("the session is gone").isEqualTo(302);
        assertThat(admin.get("/admin/users").status())
                .as("the acting admin stays signed in")
                .isEqualTo(200);
    }

    /** The demo practice as the settings form sends it. */
    private static Map<String, String> practice() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Zahnarztpraxis Dr. Weber");
        form.put("address.street", "Friedrichstraße 123");
        form.put("address.postalCode", "10117");
        form.put("address.city", "Berlin");
        form.put("address.country", "DE");
        form.put("phone", "+49 30 901820");
        form.put("timeZone", "Europe/Berlin");
        form.put("languages", "de");
        form.put("transferMain", "+4930901820");
        form.put("transferEmergency", "");
        form.put("slotIntervalMinutes", "15");
        form.put("holdTtlSeconds", "300");
        form.put("maxCallMinutes", "15");
        form.put("maxConcurrentCalls", "10");
        form.put("hours.MONDAY.0.opens", "08:00");
        form.put("hours.MONDAY.0.closes", "18:00");
        form.put("hours.MONDAY.1.opens", "");
        form.put("hours.MONDAY.1.closes", "");
        return form;
    }
}
