package dev.sofia.clinic.console.people;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.sofia.clinic.calls.CallMessage;
import dev.sofia.clinic.calls.CallMessages;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.calls.NewCallMessage;
import dev.sofia.clinic.patients.Patients;
import dev.sofia.clinic.support.ConsoleBrowser;
import dev.sofia.clinic.support.ConsoleBrowserTest;
import dev.sofia.clinic.support.StaffAccounts;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Front-desk staff work through Sofia's messages: a call-back request is marked done in place
 * (htmx) with the signed-in user as the one who did it, and moves from the open list to the done
 * one.
 */
class MessagesBrowserTests extends ConsoleBrowserTest {

    @Autowired
    CallMessages messages;

    @Autowired
    CallSessions sessions;

    @Autowired
    Patients patients;

    private UUID callback;

    @BeforeEach
    void twoMessages() {
        clock.reset();
        fixtures.demoPractice(clock);
        new StaffAccounts(fixtures.jdbc()).staff(PeoplePagesHttpTests.STAFF, PeoplePagesHttpTests.PASSWORD);
        UUID call = sessions.openWebSession("web-" + UUID.randomUUID(), null, "caller-m", "de", null)
                .id();
        UUID becker = patients.findByPhone("+4930123456789").getFirst().id().value();
        callback = messages.create(new NewCallMessage(
                        call,
                        becker,
                        CallMessage.Kind.CALLBACK,
                        "Lukas Becker",
                        "030 123456789",
                        "Möchte den Termin am Dienstag besprechen.",
                        "de"))
                .id();
        messages.create(new NewCallMessage(
                null, null, CallMessage.Kind.HANDOVER, "Frau Weber", "0171 2345678", "Frage zur Rechnung.", "de"));
    }

    @Test
    void markACallBackRequestDoneAndSeeItMoveToTheDoneList() {
        try (BrowserContext context = browser.context("de-DE")) {
            Page page = ConsoleBrowser.signIn(context, api, PeoplePagesHttpTests.STAFF, PeoplePagesHttpTests.PASSWORD);
            ConsoleBrowser.menuLink(page, "Nachrichten").click();

            Locator open = page.locator("tr.message.open");
            assertThat(open).hasCount(2);
            Locator row = page.locator("#message-" + callback);
            assertThat(row).containsText("Rückrufbitte");
            assertThat(row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Lukas Becker")))
                    .isVisible();
            assertThat(row.locator("a[href^='/console/calls/']")).hasCount(1);
            assertThat(row.locator("a[href='tel:+4930123456789']")).isVisible();
            ConsoleBrowser.screenshot(page, "console-people-messages");

            // by keyboard: the row's button takes focus and Enter presses it
            row.getByRole(AriaRole.BUTTON).focus();
            page.keyboard().press("Enter");
            assertThat(row).hasClass(java.util.regex.Pattern.compile(".*\\bdone\\b.*"));
            assertThat(row).containsText("erledigt von " + PeoplePagesHttpTests.STAFF);
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/console/messages$"));

            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("erledigt").setExact(true))
                    .click();
            assertThat(page.locator("tr.message")).hasCount(1);
            assertThat(page.locator("tr.message.done")).containsText("Termin am Dienstag");
            page.getByRole(
                            AriaRole.LINK,
                            new Page.GetByRoleOptions().setName("offen").setExact(true))
                    .click();
            assertThat(page.locator("tr.message")).hasCount(1);
            assertThat(page.locator("tr.message.open")).containsText("Frage zur Rechnung.");
        }
        CallMessage done = messages.find(callback).orElseThrow();
        assertThat(done.status()).isEqualTo(CallMessage.Status.DONE);
        assertThat(done.doneBy()).isEqualTo(PeoplePagesHttpTests.STAFF);
    }
}
