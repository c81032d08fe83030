package dev.sofia.clinic.console.calendar;

import static dev.sofia.clinic.console.calendar.DemoCalendar.BERLIN;
import static dev.sofia.clinic.console.calendar.DemoCalendar.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.scheduling.Appointment;
import dev.sofia.clinic.scheduling.AppointmentStatus;
import dev.sofia.clinic.scheduling.Appointments;
import dev.sofia.clinic.scheduling.BookingSource;
import dev.sofia.clinic.scheduling.Schedules;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.FormSession;
import dev.sofia.clinic.support.StaffAccounts;
import dev.sofia.clinic.support.TestClock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The calendar's forms over HTTP with a real session and CSRF token, as a browser without script
 * sends them: bad input and refused times come back as the form with 422 and a message at the
 * field, and nothing in the calendar changes; a front-desk user (not an admin) books.
 */
@ClinicIntegrationTest
class CalendarFormsHttpTests {

    @Autowired
    Api api;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    Appointments appointments;

    @Autowired
    Schedules schedules;

    FormSession staff;

    @BeforeEach
    void demoPracticeOnMondayMorning() {
        clock.set(MONDAY.atTime(7, 0).atZone(BERLIN).toInstant());
        fixtures.demoPractice(clock);
        new StaffAccounts(fixtures.jdbc()).staff("front@praxis.test", "front-desk-pw-1");
        staff = FormSession.signIn(api, "front@praxis.test", "front-desk-pw-1");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aFrontDeskUserSeesTheCalendarAndBooks() {
        Api.Response calendar = staff.get("/console/calendar?date=2026-11-23");
        assertThat(calendar.status()).isEqualTo(200);
        assertThat(calendar.raw().body())
                .contains("class=\"appointment status-confirmed source-staff\"")
                .contains("09:00 Kontrolle, Max Mustermann")
                .doesNotContain("/admin/settings");

        Api.Response booked = book(patient("Lukas"), type("kontrolle"), doctor("petrova"), "2026-11-23", "11:30");
        assertThat(booked.status()).isEqualTo(303);
        assertThat(booked.header("Location")).endsWith("/console/calendar?date=2026-11-23");
        Appointment appointment = activeOn(MONDAY).stream()
                .filter(a -> a.patientId().value().toString().equals(patient("Lukas")))
                .findFirst()
                .orElseThrow();
        assertThat(appointment.source()).isEqualTo(BookingSource.STAFF);
        assertThat(appointment.start())
                .isEqualTo(MONDAY.atTime(11, 30).atZone(BERLIN).toInstant());

        Api.Response after = staff.get(booked.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(after.raw().body()).contains("Termin gebucht: Mo., 23.11. 11:30 Kontrolle, Lukas Becker");
    }

    @Test
    void theDoctorFilterShowsOneColumnAndBookingFromItReturnsToIt() {
        String schmidt = doctor("schmidt");
        String page = staff.get("/console/calendar?date=2026-11-23&doctor=" + schmidt)
                .raw()
                .body();
        assertThat(page)
                .contains("10:30 Füllung, Erika Musterfrau")
                .doesNotContain("09:00 Kontrolle, Max Mustermann")
                .contains("/console/calendar/new?doctor=" + schmidt + "&amp;start=2026-11-23T11:30&amp;calDoctor="
                        + schmidt);

        Api.Response form =
                staff.get("/console/calendar/new?doctor=" + schmidt + "&start=2026-11-23T11:30&calDoctor=" + schmidt);
        assertThat(form.raw().body()).contains("name=\"calDoctor\" value=\"" + schmidt + "\"");
        Api.Response booked = staff.post(
                "/console/calendar/appointments",
                FormSession.csrf(form.raw().body()),
                "patientId",
                patient("John"),
                "typeId",
                type("beratung"),
                "doctorId",
                schmidt,
                "date",
                "2026-11-23",
                "time",
                "11:30",
                "calDoctor",
                schmidt);
        assertThat(booked.status()).isEqualTo(303);
        assertThat(booked.header("Location")).endsWith("/console/calendar?date=2026-11-23&doctor=" + schmidt);
    }

    @Test
    void absencesAndBlockoutsAreUnavailableInTheGrid() {
        schedules.addOverride(
                new DoctorId(UUID.fromString(doctor("petrova"))),
                new Schedules.Override(null, MONDAY, MONDAY, false, null, null, "Fortbildung"));
        schedules.addBlockout(new Schedules.Blockout(
                null,
                new DoctorId(UUID.fromString(doctor("schmidt"))),
                null,
                MONDAY.atTime(14, 0).atZone(BERLIN).toInstant(),
                MONDAY.atTime(15, 0).atZone(BERLIN).toInstant(),
                "Teambesprechung"));
        String page = staff.get("/console/calendar?date=2026-11-23").raw().body();
        assertThat(page)
                .contains("abwesend: Fortbildung")
                .contains("blockiert: Teambesprechung")
                .contains("11:00 frei bei Dr. Anna Weber")
                .doesNotContain("frei bei Dr. Elena Petrova")
                .doesNotContain("14:00 frei bei Dr. Jonas Schmidt")
                .doesNotContain("14:45 frei bei Dr. Jonas Schmidt")
                .contains("15:00 frei bei Dr. Jonas Schmidt")
                // Dr. Petrova's 15:00 consultation stays visible on her day off
                .contains("15:00 Beratung, John Smith");
    }

    @Test
    void missingFieldsAreNamedAndNothingIsBooked() {
        int before = fixtures.count("appointments");
        Api.Response answer = book(null, null, null, null, null);
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.raw().body())
                .contains("id=\"patient-error\" class=\"field-error\">Bitte wählen Sie einen Patienten.")
                .contains("id=\"type-error\" class=\"field-error\">Bitte wählen Sie eine Terminart.")
                .contains("id=\"date-error\" class=\"field-error\">Bitte geben Sie ein Datum an.")
                .contains("id=\"time-error\" class=\"field-error\">Bitte geben Sie eine Uhrzeit an.")
                .contains("aria-invalid=\"true\"");
        assertThat(fixtures.count("appointments")).isEqualTo(before);
    }

    @Test
    void invalidValuesAreNamedAndKept() {
        int before = fixtures.count("appointments");
        Api.Response answer =
                book("not-a-patient", UUID.randomUUID().toString(), doctor("weber"), "31.02.2026", "25:99");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.raw().body())
                .contains("Diesen Patienten gibt es nicht (mehr).")
                .contains("Diese Terminart gibt es nicht.")
                .contains("Bitte geben Sie ein Datum wie 23.11.2026 an.")
                .contains("Bitte geben Sie eine Uhrzeit wie 09:30 an.")
                .contains("value=\"25:99\"");
        assertThat(fixtures.count("appointments")).isEqualTo(before);
    }

    @Test
    void aTimeOutsideTheWorkingHoursIsRefusedAtTheTimeField() {
        int before = fixtures.count("appointments");
        // Monday 19:00: the practice closes at 18:00, Dr. Weber's shift ends then
        Api.Response answer = book(patient("Erika"), type("kontrolle"), doctor("weber"), "2026-11-23", "19:00");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.raw().body())
                .contains("id=\"time-error\" class=\"field-error\">Diese Zeit liegt außerhalb der Arbeitszeit")
                .contains("Es wurde nichts gebucht");
        // and during the lunch break
        Api.Response lunch = book(patient("Erika"), type("kontrolle"), doctor("weber"), "2026-11-23", "12:45");
        assertThat(lunch.status()).isEqualTo(422);
        assertThat(lunch.raw().body()).contains("außerhalb der Arbeitszeit");
        assertThat(fixtures.count("appointments")).isEqualTo(before);
    }

    @Test
    void aDoubleBookingIsRefusedWithFreeAlternatives() {
        int before = fixtures.count("appointments");
        // Max Mustermann has Dr. Weber at 09:00 on Monday
        Api.Response answer = book(patient("Erika"), type("kontrolle"), doctor("weber"), "2026-11-23", "09:15");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.raw().body())
                .contains("id=\"time-error\" class=\"field-error\">Diese Zeit ist schon belegt")
                .contains("name=\"pick\"");
        assertThat(fixtures.count("appointments")).isEqualTo(before);
        assertThat(activeOn(MONDAY)).hasSize(3);
    }

    @Test
    void tooSoonAndInThePastAreExplained() {
        // a check-up needs 120 minutes' notice; it is 07:00
        Api.Response soon = book(patient("Erika"), type("kontrolle"), doctor("weber"), "2026-11-23", "08:30");
        assertThat(soon.status()).isEqualTo(422);
        assertThat(soon.raw().body()).contains("Zu kurzfristig: Diese Terminart braucht 120 Minuten Vorlauf.");
        Api.Response past = book(patient("Erika"), type("kontrolle"), doctor("weber"), "2026-11-20", "10:00");
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.raw().body()).contains("Diese Zeit liegt in der Vergangenheit.");
    }

    @Test
    void suggestionsComeFromTheAvailabilitySearchAndBookNothing() {
        int before = fixtures.count("appointments");
        Api.Response page = staff.get("/console/calendar/new?date=2026-11-23");
        Api.Response answer = staff.post(
                "/console/calendar/appointments",
                FormSession.csrf(page.raw().body()),
                "typeId",
                type("kontrolle"),
                "doctorId",
                doctor("weber"),
                "date",
                "2026-11-23",
                "action",
                "suggest");
        assertThat(answer.status()).isEqualTo(200);
        // the first free check-up with Dr. Weber at 09:00 notice: 09:30 (09:00 is Max Mustermann's)
        assertThat(answer.raw().body()).contains("value=\"" + doctor("weber") + "|2026-11-23T09:30\"");
        assertThat(answer.raw().body()).doesNotContain("|2026-11-23T09:00\"");
        assertThat(fixtures.count("appointments")).isEqualTo(before);

        Api.Response picked = staff.post(
                "/console/calendar/appointments",
                FormSession.csrf(answer.raw().body()),
                "typeId",
                type("kontrolle"),
                "pick",
                doctor("weber") + "|2026-11-23T09:30");
        assertThat(picked.status()).isEqualTo(200);
        assertThat(picked.raw().body()).contains("value=\"09:30\"").contains("Übernommen");
        assertThat(fixtures.count("appointments")).isEqualTo(before);
    }

    @Test
    void theSameFormSentTwiceBooksOnce() {
        Api.Response page = staff.get("/console/calendar/new");
        String csrf = FormSession.csrf(page.raw().body());
        String key = page.raw().body().replaceAll("(?s).*name=\"key\" value=\"([^\"]+)\".*", "$1");
        String[] fields = {
            "patientId",
            patient("Olga"),
            "typeId",
            type("beratung"),
            "doctorId",
            doctor("petrova"),
            "date",
            "2026-11-24",
            "time",
            "10:00",
            "key",
            key
        };
        int before = fixtures.count("appointments");
        assertThat(staff.post("/console/calendar/appointments", csrf, fields).status())
                .isEqualTo(303);
        assertThat(staff.post("/console/calendar/appointments", csrf, fields).status())
                .isEqualTo(303);
        assertThat(fixtures.count("appointments")).isEqualTo(before + 1);
    }

    @Test
    void movingToATakenTimeChangesNothing() {
        Appointment max = activeOn(MONDAY).stream()
                .filter(a -> a.patientId().value().toString().equals(patient("Max")))
                .findFirst()
                .orElseThrow();
        String path = "/console/calendar/appointments/" + max.id().value() + "/move";
        Api.Response form = staff.get(path);
        assertThat(form.status()).isEqualTo(200);
        // Erika has Dr. Schmidt at 10:30
        Api.Response answer = staff.post(
                path,
                FormSession.csrf(form.raw().body()),
                "doctorId",
                doctor("schmidt"),
                "date",
                "2026-11-23",
                "time",
                "10:45",
                "action",
                "move");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.raw().body()).contains("Diese Zeit ist schon belegt");
        Appointment unchanged = appointments.find(max.id()).orElseThrow();
        assertThat(unchanged.status()).isEqualTo(max.status());
        assertThat(unchanged.start()).isEqualTo(max.start());
        assertThat(activeOn(MONDAY)).hasSize(3);

        Api.Response bad =
                staff.post(path, FormSession.csrf(form.raw().body()), "date", "", "time", "9 Uhr", "action", "move");
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.raw().body()).contains("Bitte geben Sie ein Datum an.").contains("wie 09:30");
        assertThat(appointments.find(max.id()).orElseThrow().start()).isEqualTo(max.start());
    }

    @Test
    void cancellingNeedsItsConfirmationAndAShortReason() {
        Appointment max = activeOn(MONDAY).getFirst();
        String path = "/console/calendar/appointments/" + max.id().value() + "/cancel";
        Api.Response confirm = staff.get(path);
        assertThat(confirm.status()).isEqualTo(200);
        assertThat(confirm.raw().body()).contains("Wollen Sie diesen Termin wirklich absagen?");
        assertThat(appointments.find(max.id()).orElseThrow().isActive()).isTrue();

        Api.Response tooLong = staff.post(path, FormSession.csrf(confirm.raw().body()), "reason", "x".repeat(501));
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.raw().body()).contains("Der Grund darf höchstens 500 Zeichen lang sein.");
        assertThat(appointments.find(max.id()).orElseThrow().isActive()).isTrue();

        Api.Response done = staff.post(path, FormSession.csrf(confirm.raw().body()), "reason", "");
        assertThat(done.status()).isEqualTo(303);
        assertThat(appointments.find(max.id()).orElseThrow().status()).isEqualTo(AppointmentStatus.CANCELLED);

        Api.Response again = staff.post(path, FormSession.csrf(confirm.raw().body()), "reason", "");
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.raw().body()).contains("Dieser Termin ist abgesagt");
    }

    @Test
    void withoutTheCsrfTokenNothingIsBooked() {
        int before = fixtures.count("appointments");
        Api.Response answer = staff.post(
                "/console/calendar/appointments",
                null,
                "patientId",
                patient("Erika"),
                "typeId",
                type("kontrolle"),
                "date",
                "2026-11-23",
                "time",
                "11:00");
        assertThat(answer.status()).isEqualTo(403);
        assertThat(fixtures.count("appointments")).isEqualTo(before);
    }

    @Test
    void unknownAppointmentsAndUnreadableParametersGetPagesNotErrors() {
        Api.Response missing = staff.get("/console/calendar/appointments/" + UUID.randomUUID());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.raw().headers().firstValue("Content-Type").orElse(""))
                .startsWith("text/html");
        assertThat(staff.get("/console/calendar/appointments/nonsense/move").status())
                .isEqualTo(404);

        Api.Response badDate = staff.get("/console/calendar?date=2026-99-99&doctor=nobody&view=week");
        assertThat(badDate.status()).isEqualTo(200);
        assertThat(badDate.raw().body())
                .contains("„2026-99-99“ ist kein gültiges Datum")
                .contains("Diesen Behandler gibt es nicht");
    }

    @Test
    void thePatientSearchFindsByNamePhoneAndDateOfBirth() {
        assertThat(names(staff.htmx("/console/calendar/new/patients?q=muster")))
                .contains("Max Mustermann", "Erika Musterfrau")
                .doesNotContain("John Smith");
        assertThat(names(staff.htmx("/console/calendar/new/patients?q=0151%2012345")))
                .containsExactly("Max Mustermann");
        assertThat(names(staff.htmx("/console/calendar/new/patients?q=19.07.1968")))
                .containsExactly("Sophie Wagner");
        assertThat(names(staff.htmx("/console/calendar/new/patients?q=john%201990")))
                .containsExactly("John Smith");
        Api.Response none = staff.htmx("/console/calendar/new/patients?q=Zzzz");
        assertThat(none.raw().body()).contains("Kein Patient gefunden.").doesNotContain("<html");
        // without script: the same search as a page
        Api.Response page = staff.get("/console/calendar/new?q=Ivanova&type=" + type("kontrolle"));
        assertThat(names(page)).containsExactly("Olga Ivanova");
        assertThat(page.raw().body()).contains("name=\"type\" value=\"" + type("kontrolle") + "\"");
    }

    private Api.Response book(String patient, String type, String doctor, String date, String time) {
        Api.Response page = staff.get("/console/calendar/new");
        assertThat(page.status()).isEqualTo(200);
        return staff.post(
                "/console/calendar/appointments",
                FormSession.csrf(page.raw().body()),
                "patientId",
                patient,
                "typeId",
                type,
                "doctorId",
                doctor,
                "date",
                date,
                "time",
                time,
                "action",
                "book");
    }

    private static List<String> names(Api.Response response) {
        return java.util.regex.Pattern.compile("<strong>([^<]+)</strong>")
                .matcher(response.raw().body())
                .results()
                .map(m -> m.group(1))
                .filter(n -> !n.startsWith("Bitte"))
                .toList();
    }

    private List<Appointment> activeOn(LocalDate day) {
        return DemoCalendar.activeOn(appointments, day);
    }

    private String patient(String firstName) {
        return DemoCalendar.patientId(fixtures.jdbc(), firstName).toString();
    }

    private static String type(String code) {
        return demoId("type", code);
    }

    private static String doctor(String key) {
        return demoId("doctor", key);
    }

    private static String demoId(String kind, String key) {
        return DemoCalendar.demoId(kind, key).toString();
    }
}
