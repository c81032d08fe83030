package dev.sofia.clinic.console.people;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sofia.clinic.calls.CallOutcome;
import dev.sofia.clinic.calls.CallRecords;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.calls.TranscriptLine.Speaker;
import dev.sofia.clinic.calls.TranscriptPurge;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.support.ConsoleBrowser;
import dev.sofia.clinic.support.ConsoleBrowserTest;
import dev.sofia.clinic.support.StaffAccounts;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The call log and a call's detail, seeded as the receptionist records calls: a recognised
 * patient, an outcome, a transcript of both sides; and an old call whose transcript the retention
 * purge has deleted, which the detail says instead of showing an empty transcript.
 */
class CallsBrowserTests extends ConsoleBrowserTest {

    @Autowired
    CallSessions sessions;

    @Autowired
    CallRecords records;

    @Autowired
    TranscriptPurge purge;

    @Autowired
    Patients patients;

    private UUID booked;
    private UUID old;

    @BeforeEach
    void callsOfTheDemoPractice() {
        clock.reset();
        fixtures.demoPractice(clock);
        new StaffAccounts(fixtures.jdbc()).staff(PeoplePagesHttpTests.STAFF, PeoplePagesHttpTests.PASSWORD);
        Instant now = clock.instant();

        clock.set(now.minus(Duration.ofDays(40)));
        old = sessions.openWebSession("web-" + UUID.randomUUID(), null, "caller-old", "de", null)
                .id();
        records.appendTranscript(old, Speaker.CALLER, "Haben Sie samstags offen?", clock.instant());
        records.recordOutcome(old, CallOutcome.INFO, "Öffnungszeiten erfragt.");
        sessions.close(old, "participant_left", clock.instant().plusSeconds(30));
        clock.set(now);
        purge.purge();

        booked = sessions.openWebSession("web-" + UUID.randomUUID(), null, "caller-new", "de", null)
                .id();
        records.recordPatient(
                booked, patients.findByPhone("+4930123456789").getFirst().id().value());
        records.appendTranscript(booked, Speaker.AGENT, "Guten Tag, hier ist Sofia.", now);
        records.appendTranscript(booked, Speaker.CALLER, "Ich brauche eine Kontrolle.", now.plusSeconds(3));
        records.appendTranscript(booked, Speaker.AGENT, "Dienstag um 9 Uhr ist frei.", now.plusSeconds(6));
        records.recordOutcome(booked, CallOutcome.BOOKED, "Kontrolle am Dienstag gebucht.");
        new CallSeeds(sessions, fixtures.jdbc()).activate(booked, now);
        sessions.close(booked, "participant_left", now.plusSeconds(95));
    }

    @Test
    void fromTheLogToACallsTranscript() {
        try (BrowserContext context = browser.context("de-DE")) {
            Page page = ConsoleBrowser.signIn(context, api, PeoplePagesHttpTests.STAFF, PeoplePagesHttpTests.PASSWORD);
            ConsoleBrowser.menuLink(page, "Anrufe").click();

            Locator calls = page.locator("tr.call");
            assertThat(calls).hasCount(2);
            Locator newest = calls.first();
            assertThat(newest.locator(".caller")).hasText("Lukas Becker");
            assertThat(newest.locator(".badge.outcome")).hasText("Termin gebucht");
            assertThat(newest).containsText("1:35");
            assertThat(newest.locator(".summary")).hasText("Kontrolle am Dienstag gebucht.");

            page.getByLabel("Ergebnis").selectOption("info");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Anzeigen"))
                    .click();
            assertThat(calls).hasCount(1);
            assertThat(calls.first().locator(".caller")).hasText("Besucher der Webseite");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Filter zurücksetzen"))
                    .click();

            calls.first().locator("a[href^='/console/calls/']").click();
            assertThat(page).hasURL(Pattern.compile(".*/console/calls/" + booked + "$"));
            assertThat(page.locator(".transcript .line")).hasCount(3);
            assertThat(page.locator(".transcript .line.agent").first()).containsText("hier ist Sofia");
            assertThat(page.locator(".transcript .line.caller")).containsText("Ich brauche eine Kontrolle.");
            assertThat(page.locator(".facts")).containsText("participant_left");
            ConsoleBrowser.screenshot(page, "console-people-call");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lukas Becker"))
                    .click();
            assertThat(page.locator("h1")).hasText("Lukas Becker");
            assertThat(page.locator("tr.call")).hasCount(1);

            page.navigate(api.uri("/console/calls/" + old).toString());
            assertThat(page.locator(".transcript .line")).hasCount(0);
            assertThat(page.locator(".purged")).containsText("gelöscht");
            assertThat(page.locator(".purged")).containsText("30 Tage");
        }
    }
}
