package dev.sofia.clinic.console.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.calls.CallMessage;
import dev.sofia.clinic.calls.CallMessages;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.calls.NewCallMessage;
import dev.sofia.clinic.patients.NewPatient;
import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.FormSession;
import dev.sofia.clinic.support.StaffAccounts;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The people pages over plain HTTP, as a browser without JavaScript uses them: wrong addresses get
 * the console's 404 page, forms the patients service refuses come back with 422 and their errors
 * and change nothing, the call log pages and refuses filters it cannot read, and marking a message
 * done needs the CSRF token. Live call actions: {@link LiveActionsHttpTests}.
 */
@ClinicIntegrationTest
class PeoplePagesHttpTests {

    static final String STAFF = "empfang@praxis.test";
    static final String PASSWORD = "empfang-passwort-42";

    @Autowired
    Api api;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    Patients patients;

    @Autowired
    CallSessions sessions;

    @Autowired
    CallMessages messages;

    private FormSession staff;

    @BeforeEach
    void signIn() {
        fixtures.reset();
        new StaffAccounts(fixtures.jdbc()).staff(STAFF, PASSWORD);
        staff = FormSession.signIn(api, STAFF, PASSWORD);
    }

    @Test
    void unknownAndMalformedAddressesAnswerTheConsoles404Page() {
        UUID unknown = UUID.randomUUID();
        for (String path : new String[] {
            "/console/patients/" + unknown,
            "/console/patients/" + unknown + "/edit",
            "/console/patients/not-an-id",
            "/console/calls/" + unknown,
            "/console/calls/42",
            "/console/live/" + unknown + "/end",
            "/console/live/" + unknown + "/explode"
        }) {
            Api.Response page = staff.get(path);
            assertThat(page.status()).as(path).isEqualTo(404);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.raw().body()).as(path).contains("Seite nicht gefunden");
        }
        Api.Response done = staff.postFrom("/console/messages", "/console/messages/" + unknown + "/done", Map.of());
        assertThat(done.status()).isEqualTo(404);
        assertThat(done.raw().body()).contains("Seite nicht gefunden");
    }

    @Test
    void anInvalidEditIsRefusedWith422TheInputKeptAndNothingChanged() {
        Patient before = patients.register(muster());
        String page = "/console/patients/" + before.id();

        Api.Response refused = staff.postFrom(
                page + "/edit",
                page,
                form("", "Muster", "2999-01-01", "12", "not-an-address", "Neue Notiz: lieber vormittags"));

        assertThat(refused.status()).isEqualTo(422);
        String html = refused.raw().body();
        for (String field : new String[] {"firstName", "dateOfBirth", "phone", "email"}) {
            assertThat(html)
                    .as(field)
                    .containsPattern("id=\"" + field + "\"[^>]*aria-invalid=\"true\"[^>]*aria-describedby=\"" + field
                            + "-error\"")
                    .contains("id=\"" + field + "-error\"");
        }
        assertThat(html).contains("Das ist keine gültige Telefonnummer").contains("Neue Notiz: lieber vormittags");
        assertThat(html).doesNotContain("id=\"lastName-error\"");
        assertThat(patients.find(before.id())).contains(before);

        Api.Response saved = staff.postFrom(
                page + "/edit", page, form("Max", "Muster", "1980-11-24", "0171 2345678", "", "vormittags"));
        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith(page);
        Patient after = patients.find(before.id()).orElseThrow();
        assertThat(after.phone()).isEqualTo("+491712345678");
        assertThat(after.notes()).isEqualTo("vormittags");
        assertThat(staff.get(page).raw().body()).contains("+491712345678").contains("sind gespeichert");
    }

    @Test
    void registrationRefusesWhatTheApiRefusesAndCreatesNobody() {
        int before = fixtures.count("patients");
        Map<String, String> incomplete = form("", "Beispiel", "", "", "", "");

        Api.Response refused = staff.postFrom("/console/patients/new", "/console/patients", incomplete);
        Api.Response viaApi = api.post("/api/patients", Api.json(Map.of("firstName", "", "lastName", "Beispiel")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.raw().body()).contains("id=\"firstName-error\"").contains("id=\"dateOfBirth-error\"");
        assertThat(viaApi.status()).isEqualTo(400);
        assertThat(Api.list(viaApi.json().get("errors")))
                .extracting(e -> e.get("field").asString())
                .contains("firstName", "dateOfBirth");

        Map<String, String> tampered = form("Erika", "Beispiel", "1975-03-02", "", "", "");
        tampered.put("insurance", "GOLD");
        Api.Response odd = staff.postFrom("/console/patients/new", "/console/patients", tampered);
        assertThat(odd.status()).isEqualTo(422);
        assertThat(odd.raw().body()).contains("id=\"insurance-error\"");
        assertThat(fixtures.count("patients")).isEqualTo(before);

        tampered.put("insurance", "PRIVATE");
        Api.Response created = staff.postFrom("/console/patients/new", "/console/patients", tampered);
        assertThat(created.status()).isEqualTo(302);
        assertThat(fixtures.count("patients")).isEqualTo(before + 1);
    }

    @Test
    void theSearchFindsByNamePhoneOrBirthDateAndAnswersHtmxWithTheResultsAlone() {
        patients.register(muster());
        patients.register(new NewPatient(
                "Erika", "Beispiel", LocalDate.of(1975, 3, 2), "0171 9876543", null, "en", null, null, null));

        assertThat(staff.get("/console/patients?q=muST").raw().body())
                .contains("Muster, Max")
                .doesNotContain("Beispiel, Erika");
        assertThat(staff.get("/console/patients?q=max+muster").raw().body()).contains("Muster, Max");
        assertThat(staff.get("/console/patients?q=030+1234").raw().body())
                .contains("Muster, Max")
                .doesNotContain("Beispiel, Erika");
        assertThat(staff.get("/console/patients?q=02.03.1975").raw().body())
                .contains("Beispiel, Erika")
                .doesNotContain("Muster, Max");
        assertThat(staff.get("/console/patients?q=1975-03-02").raw().body()).contains("Beispiel, Erika");
        assertThat(staff.get("/console/patients?q=%25").raw().body()).contains("Niemand gefunden");

        Api.Response fragment = api.send(HttpRequest.newBuilder(api.uri("/console/patients?q=Beispiel"))
                .header("HX-Request", "true")
                .header("HX-Target", "patient-results")
                .header("Authorization", Api.basic(STAFF, PASSWORD))
                .GET()
                .build());
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.raw().body())
                .contains("Beispiel, Erika")
                .doesNotContain("<html")
                .doesNotContain("id=\"patient-results\"");
    }

    @Test
    void theCallLogAnswers422ToAFilterItCannotRead() {
        for (String query : new String[] {
            "from=2026-11-10&to=2026-11-01", "channel=fax", "outcome=won", "from=gestern", "before=" + UUID.randomUUID()
        }) {
            Api.Response page = staff.get("/console/calls?" + query);
            assertThat(page.status()).as(query).isEqualTo(422);
            assertThat(page.raw().body()).as(query).contains("class=\"field-error\"");
        }
        assertThat(staff.get("/console/calls?channel=phone&outcome=booked").status())
                .isEqualTo(200);
    }

    @Test
    void theCallLogPagesWithTheCallsServicesCursor() {
        CallSeeds seeds = new CallSeeds(sessions, fixtures.jdbc());
        Instant start = Instant.now().minusSeconds(3600);
        for (int i = 0; i < CallPages.PAGE_SIZE + 2; i++) {
            seeds.activePhoneCall("+49301234" + String.format("%04d", i), start.plusSeconds(i));
        }

        String first = staff.get("/console/calls?channel=phone").raw().body();
        assertThat(first.split("<tr class=\"call\"", -1)).hasSize(CallPages.PAGE_SIZE + 1);
        assertThat(first).contains("+493012340051").doesNotContain("+493012340001");
        java.util.regex.Matcher older = java.util.regex.Pattern.compile(
                        "href=\"(/console/calls\\?channel=phone&amp;before=[^\"]+)\"")
                .matcher(first);
        assertThat(older.find()).as("a link to older calls keeping the filter").isTrue();

        String second = staff.get(older.group(1).replace("&amp;", "&")).raw().body();
        assertThat(second.split("<tr class=\"call\"", -1)).hasSize(3);
        assertThat(second).contains("+493012340001").contains("+493012340000").doesNotContain("Ältere Anrufe");
    }

    @Test
    void markingAMessageDoneNeedsTheTokenAndRecordsWhoDidIt() {
        CallMessage open = messages.create(new NewCallMessage(
                null, null, CallMessage.Kind.CALLBACK, "Frau Weber", "030 1234567", "Rückruf wegen Termin", "de"));

        Api.Response forged = staff.postWithoutToken("/console/messages/" + open.id() + "/done", Map.of());
        assertThat(forged.status()).isEqualTo(403);
        assertThat(messages.find(open.id()).orElseThrow().status()).isEqualTo(CallMessage.Status.OPEN);

        Api.Response done = staff.postFrom("/console/messages", "/console/messages/" + open.id() + "/done", Map.of());
        assertThat(done.status()).isEqualTo(302);
        CallMessage after = messages.find(open.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(CallMessage.Status.DONE);
        assertThat(after.doneBy()).isEqualTo(STAFF);
    }

    private static NewPatient muster() {
        return new NewPatient(
                "Max",
                "Muster",
                LocalDate.of(1980, 11, 24),
                "030 1234567",
                "max@example.org",
                "de",
                Patient.Insurance.STATUTORY,
                Patient.Consent.NONE,
                "Angst vor Spritzen");
    }

    private static Map<String, String> form(
            String first, String last, String born, String phone, String email, String notes) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("firstName", first);
        form.put("lastName", last);
        form.put("dateOfBirth", born);
        form.put("phone", phone);
        form.put("email", email);
        form.put("preferredLanguage", "de");
        form.put("insurance", "STATUTORY");
        form.put("notes", notes);
        return form;
    }
}
