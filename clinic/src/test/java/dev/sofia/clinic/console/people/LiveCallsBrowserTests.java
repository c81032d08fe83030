package dev.sofia.clinic.console.people;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sofia.clinic.calls.CallRecords;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.calls.TranscriptLine.Speaker;
import dev.sofia.clinic.support.ConsoleBrowser;
import dev.sofia.clinic.support.ConsoleBrowserTest;
import dev.sofia.clinic.support.StaffAccounts;
import dev.sofia.clinic.telephony.TransferTargets;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The calls in progress, kept current by htmx polling: a web call and a phone call show up with
 * what was said so far, a new line appears without reloading, and the web call disappears once it
 * ends. Take-over is offered for the phone call only and asks before it acts.
 */
class LiveCallsBrowserTests extends ConsoleBrowserTest {

    @Autowired
    CallSessions sessions;

    @Autowired
    CallRecords records;

    @Autowired
    TransferTargets targets;

    @BeforeEach
    void demoPractice() {
        clock.reset();
        fixtures.demoPractice(clock);
        new StaffAccounts(fixtures.jdbc()).staff(PeoplePagesHttpTests.STAFF, PeoplePagesHttpTests.PASSWORD);
        targets.create(new TransferTargets.TargetRequest("main", "+4930901820", "Empfang"));
    }

    @Test
    void liveCallsUpdateInPlaceAndTakeOverAsksFirst() {
        CallSeeds seeds = new CallSeeds(sessions, fixtures.jdbc());
        Instant now = clock.instant();
        UUID web = seeds.activeWebCall(now.minusSeconds(60));
        records.appendTranscript(web, Speaker.AGENT, "Guten Tag, hier ist Sofia.", now.minusSeconds(58));
        UUID phone = seeds.activePhoneCall("+4917612345678", now.minusSeconds(30));

        try (BrowserContext context = browser.context("de-DE")) {
            Page page = ConsoleBrowser.signIn(context, api, PeoplePagesHttpTests.STAFF, PeoplePagesHttpTests.PASSWORD);
            ConsoleBrowser.menuLink(page, "Laufende Gespräche").click();

            Locator webCall = page.locator(".live-call[data-call='" + web + "']");
            Locator phoneCall = page.locator(".live-call[data-call='" + phone + "']");
            assertThat(page.locator(".live-call")).hasCount(2);
            assertThat(webCall.locator(".transcript .line.agent")).hasText(Pattern.compile(".*hier ist Sofia.*"));
            assertThat(webCall).containsText("Übernehmen geht nur bei Telefonanrufen");
            assertThat(webCall.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Übernehmen")))
                    .hasCount(0);
            assertThat(phoneCall.locator("h2")).containsText("+4917612345678");

            // the caller speaks: the line appears without a reload
            records.appendTranscript(web, Speaker.CALLER, "Ich habe Zahnschmerzen.", clock.instant());
            assertThat(webCall.locator(".transcript .line.caller")).hasText(Pattern.compile(".*Zahnschmerzen.*"));
            ConsoleBrowser.screenshot(page, "console-people-live");

            // the web call ends: it leaves the list by itself
            seeds.end(web, clock.instant());
            assertThat(page.locator(".live-call")).hasCount(1);
            assertThat(webCall).hasCount(0);

            phoneCall
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Übernehmen"))
                    .click();
            assertThat(page.locator("h1")).hasText("Gespräch übernehmen?");
            assertThat(page.locator("main")).containsText("Empfang (+4930901820)");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Abbrechen"))
                    .click();
            assertThat(page).hasURL(Pattern.compile(".*/console/live$"));
            assertThat(page.locator(".live-call")).hasCount(1);
        }
    }
}
