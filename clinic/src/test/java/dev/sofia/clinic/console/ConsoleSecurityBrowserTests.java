package dev.sofia.clinic.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import dev.sofia.clinic.support.ConsoleBrowser;
import dev.sofia.clinic.support.ConsoleBrowserTest;
import dev.sofia.clinic.support.StaffAccounts;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's doors in a real browser: a visitor who is not signed in is sent to the login
 * page (and back to where they wanted to go afterwards), a request that changes something without
 * the CSRF token is refused and changes nothing, and front-desk staff neither see nor open the
 * admin pages.
 */
class ConsoleSecurityBrowserTests extends ConsoleBrowserTest {

    private static final String STAFF_EMAIL = "empfang@praxis.test";
    private static final String STAFF_PASSWORD = "empfang-passwort-42";

    private BrowserContext context;

    @BeforeEach
    void staffUser() {
        fixtures.reset();
        new StaffAccounts(fixtures.jdbc()).staff(STAFF_EMAIL, STAFF_PASSWORD);
        context = browser.context("de-DE");
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void aVisitorIsSentToTheLoginAndThenToThePageTheyAskedFor() {
        Page page = context.newPage();
        page.navigate(api.uri("/console/messages").toString());
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING))
                .hasText("Anmelden");

        page.locator("#email").fill(STAFF_EMAIL);
        page.locator("#password").fill(STAFF_PASSWORD);
        page.locator("#password").press("Enter");
        assertThat(page).hasURL(Pattern.compile(".*/console/messages(\\?continue)?$"));
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
        Page page = ConsoleBrowser.signIn(context, api, STAFF_EMAIL, STAFF_PASSWORD);

        // what a forged request can do: send the session cookie, but not the token (it cannot read it)
        Object refused = page.evaluate("fetch('/logout', {method: 'POST', redirect: 'manual'}).then(r => r.status)");
        assertThat(refused).isEqualTo(403);
        Response stillIn = page.navigate(api.uri("/console").toString());
        assertThat(stillIn.status()).isEqualTo(200);
        assertThat(page).hasURL(Pattern.compile(".*/console$"));

        // the page's own logout form carries the token and works
        page.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new Page.GetByRoleOptions().setName("Abmelden"))
                .click();
        assertThat(page).hasURL(Pattern.compile(".*/login\\?logout$"));
        page.navigate(api.uri("/console").toString());
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
    }

    @Test
    void frontDeskStaffNeitherSeeNorOpenTheAdminPages() {
        Page page = ConsoleBrowser.signIn(context, api, STAFF_EMAIL, STAFF_PASSWORD);
        assertThat(ConsoleBrowser.menuLink(page, "Kalender")).isVisible();
        assertThat(ConsoleBrowser.menuLink(page, "Einstellungen")).hasCount(0);
        assertThat(ConsoleBrowser.menuLink(page, "Benutzer")).hasCount(0);

        for (String adminPage : new String[] {"/admin/settings", "/admin/telephony", "/admin/users"}) {
            Response response = page.navigate(api.uri(adminPage).toString());
            assertThat(response.status()).as(adminPage).isEqualTo(403);
            assertThat(page.locator("h1")).hasText("Kein Zugriff");
        }
        ConsoleBrowser.screenshot(page, "console-staff-forbidden");
    }

    @Test
    void anAdminSeesAndOpensTheAdminPages() {
        Page page = ConsoleBrowser.signInAsAdmin(context, api);
        assertThat(ConsoleBrowser.menuLink(page, "Einstellungen")).isVisible();
        ConsoleBrowser.menuLink(page, "Einstellungen").click();
        assertThat(page).hasURL(Pattern.compile(".*/admin/settings$"));
        assertThat(page.locator("h1")).not().hasText("Kein Zugriff");
    }
}
