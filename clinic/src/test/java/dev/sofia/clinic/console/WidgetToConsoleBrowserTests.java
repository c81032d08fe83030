package dev.sofia.clinic.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.sofia.clinic.support.SofiaWidget.awaitGreeting;
import static dev.sofia.clinic.support.SofiaWidget.talkButton;
import static dev.sofia.clinic.support.SofiaWidget.turn;
import static dev.sofia.clinic.support.SofiaWidget.widget;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.ConsoleBrowser;
import dev.sofia.clinic.support.StaffAccounts;
import dev.sofia.clinic.support.TestClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The whole web path in one story, with real parts only: a patient on the practice's page clicks
 * "Mit Sofia sprechen" in Debian's Chromium, whose fake microphone plays German speech espeak-ng
 * recorded; the widget connects to the app's livekit-server, the app's agent worker joins and
 * greets, and the patient books a check-up by typing (the offline dialog engine, no speech
 * recognition configured). Then a front-desk user signs in to the console and finds the
 * appointment in the calendar and the call in the call log, with its transcript.
 */
@ClinicIntegrationTest
class WidgetToConsoleBrowserTests {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String STAFF_EMAIL = "rezeption@praxis.test";
    private static final String STAFF_PASSWORD = "rezeption-passwort-7";

    private static Path speech;
    private static ConsoleBrowser browser;

    @Autowired
    Api api;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    TestClock clock;

    @BeforeAll
    static void launchWithASpeakingMicrophone() throws Exception {
        speech = Files.createTempFile("sofia-caller-", ".wav");
        Process espeak = new ProcessBuilder(
                        "espeak-ng", "-v", "de", "-w", speech.toString(), "Guten Tag, ich hätte gern einen Termin.")
                .redirectErrorStream(true)
                .start();
        assertThat(espeak.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(espeak.exitValue()).as("espeak-ng exit code").isZero();
        assertThat(Files.size(speech)).isGreaterThan(10_000);
        browser = ConsoleBrowser.launch(List.of("--use-file-for-fake-audio-capture=" + speech));
    }

    @AfterAll
    static void close() throws IOException {
        if (browser != null) {
            browser.close();
        }
        Files.deleteIfExists(speech);
    }

    @BeforeEach
    void demoPracticeOnTheRealClock() {
        clock.reset(); // LiveKit checks the caller token's expiry against its own clock
        fixtures.demoPractice(clock);
        new StaffAccounts(fixtures.jdbc()).staff(STAFF_EMAIL, STAFF_PASSWORD);
    }

    @Test
    void aCheckUpBookedOverTheWidgetShowsUpInTheConsole() {
        try (BrowserContext patient = browser.context("de-DE")) {
            patient.grantPermissions(List.of("microphone"));
            Page page = patient.newPage();
            page.navigate(api.uri("/widget/demo.html").toString());
            talkButton(page).click();
            awaitGreeting(page);
            // the microphone was allowed and is sending espeak-ng's speech: nothing to explain
            assertThat(widget(page, ".notice")).isHidden();

            turn(page, "Ich möchte einen Termin zur Kontrolle.", "Geburtsdatum");
            turn(page, "Mustermann, geboren am 14.5.1980.", "Wann würde es Ihnen passen");
            turn(page, "Nächste Woche Dienstag vormittags.", "Welcher Termin passt Ihnen");
            turn(page, "Den ersten, bitte.", "Soll ich den Termin so buchen");
            turn(page, "Ja.", "Ihr Termin ist gebucht");
            ConsoleBrowser.screenshot(page, "widget-booked");
        }

        Instant startsAt =
                fixtures.jdbc().sql("""
                        select a.starts_at from appointments a
                        join patients p on p.id = a.patient_id
                        where a.source = 'web' and a.status = 'booked' and p.last_name = 'Mustermann'
                        """).query(Timestamp.class).single().toInstant();
        LocalDate day = startsAt.atZone(BERLIN).toLocalDate();
        String time = startsAt.atZone(BERLIN).toLocalTime().toString();

        try (BrowserContext staff = browser.context("de-DE")) {
            Page console = ConsoleBrowser.signIn(staff, api, STAFF_EMAIL, STAFF_PASSWORD);

            console.navigate(api.uri("/console/calendar?date=" + day).toString());
            Locator appointment =
                    console.locator(".appointment").filter(new Locator.FilterOptions().setHasText("Mustermann"));
            assertThat(appointment).hasCount(1);
            assertThat(appointment).containsText(time);
            ConsoleBrowser.screenshot(console, "console-calendar-after-widget");

            ConsoleBrowser.menuLink(console, "Anrufe").click();
            // the caller's row, recognised and with its outcome; not simply the newest: LiveKit's late
            // webhooks for rooms of earlier tests in this app may log calls of their own meanwhile
            Locator call = console.locator(".call")
                    .filter(new Locator.FilterOptions().setHasText("Mustermann"))
                    .filter(new Locator.FilterOptions().setHasText("Termin gebucht"));
            assertThat(call).hasCount(1);
            call.getByRole(AriaRole.LINK).first().click();
            assertThat(console.locator(".transcript .line.caller").first())
                    .containsText("Ich möchte einen Termin zur Kontrolle.");
            assertThat(console.locator(".transcript .line.agent").last()).containsText("Ihr Termin ist gebucht");
            ConsoleBrowser.screenshot(console, "console-call-after-widget");
        }
    }
}
