package dev.sofia.clinic.console.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.sofia.clinic.support.ConsoleBrowser;
import dev.sofia.clinic.support.ConsoleBrowserTest;
import dev.sofia.clinic.support.StaffAccounts;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admin pages in a real browser, one flow each: settings (opening hours refused, then saved
 * and on the public home page; Sofia's greeting), telephony (a connection refused, then added,
 * its password nowhere in the page; the sync status without LiveKit's SIP service), users (a new
 * front-desk user signs in, cannot open the admin pages, is deactivated and cannot sign in), and
 * all three in English on a phone's screen.
 */
class AdminBrowserTests extends ConsoleBrowserTest {

    @BeforeEach
    void demoPractice() {
        fixtures.demoPractice(clock);
        new StaffAccounts(fixtures.jdbc()).onlyTheTestAdmin();
    }

    @Test
    void settingsRefuseClosingBeforeOpeningThenSaveTheHoursForTheHomePageAndSofiasGreeting() {
        try (BrowserContext context = browser.context("de-DE")) {
            Page page = ConsoleBrowser.signInAsAdmin(context, api);
            ConsoleBrowser.menuLink(page, "Einstellungen").click();
            assertThat(page.locator("h1")).hasText("Einstellungen");

            Locator opens = page.locator("[id='hours.MONDAY.0.opens']");
            Locator closes = page.locator("[id='hours.MONDAY.0.closes']");
            opens.fill("10:00");
            closes.fill("09:00");
            Response refused =
                    page.waitForResponse(r -> r.url().endsWith("/admin/settings/practice"), () -> savePractice(page));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(closes).hasAttribute("aria-invalid", "true");
            assertThat(page.locator("[id='hours.MONDAY.0.closes-error']")).hasText("muss nach dem Beginn liegen");
            assertThat(opens).hasValue("10:00"); // the input is kept
            assertThat(api.get("/api/practice")
                            .json()
                            .at("/openingHours/0/opens")
                            .asString())
                    .startsWith("08:00");
            ConsoleBrowser.screenshot(page, "console-admin-settings-refused");

            closes.fill("19:30");
            savePractice(page);
            assertThat(page.locator(".flash")).hasText("Die Praxiseinstellungen sind gespeichert.");
            assertThat(page.locator("[id='hours.MONDAY.0.closes']")).hasValue("19:30");

            Locator greeting = page.locator("#text-de-greeting");
            greeting.fill("Zahnarztpraxis Dr. Weber, schönen guten Tag! Hier spricht Sofia.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Texte auf Deutsch speichern"))
                    .click();
            assertThat(page.locator(".flash")).hasText("Sofias Texte (DE) sind gespeichert.");
            assertThat(page.locator("#text-de-greeting"))
                    .hasValue("Zahnarztpraxis Dr. Weber, schönen guten Tag! Hier spricht Sofia.");
            assertThat(page.locator("#providers")).isVisible();
            assertThat(page.locator("code", new Page.LocatorOptions().setHasText("SOFIA_LLM")))
                    .isVisible();

            page.navigate(api.uri("/").toString());
            assertThat(page.locator("#hours + ul")).containsText("Montag 10:00–19:30");
        }
        assertThat(api.get("/api/receptionist/texts").raw().body()).contains("schönen guten Tag");
    }

    @Test
    void telephonyRefusesABadConnectionThenListsItWithoutItsPasswordAndShowsTheSyncStatus() {
        String secret = "inbound-secret-4711";
        try (BrowserContext context = browser.context("de-DE")) {
            Page page = ConsoleBrowser.signInAsAdmin(context, api);
            ConsoleBrowser.menuLink(page, "Telefonie").click();
            assertThat(page.locator("h1")).hasText("Telefonie");
            // the test's LiveKit has no SIP service (no Redis): a clear status, not an error page
            assertThat(page.locator("#sync ~ .status-line .badge")).isVisible();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Verbindung hinzufügen"))
                    .click();
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Telnyx Berlin");
            page.locator("#carrier").selectOption("telnyx");
            page.locator("[id='inbound.allowedAddresses']").fill("10.0.0.1/8");
            page.locator("[id='inbound.username']").fill("sofia-in");
            page.locator("[id='inbound.password']").fill(secret);
            Response refused =
                    page.waitForResponse(r -> r.url().endsWith("/admin/telephony/connections"), () -> save(page));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(page.locator("[id='inbound.allowedAddresses-error']")).containsText("10.0.0.1/8");
            assertThat(page.locator("[id='inbound.password']")).hasValue("");
            assertThat(page.content()).doesNotContain(secret);

            page.locator("[id='inbound.allowedAddresses']").fill("192.0.2.0/24");
            page.locator("[id='inbound.password']").fill(secret);
            save(page);
            assertThat(page).hasURL(Pattern.compile(".*/admin/telephony(#connections)?$"));
            assertThat(page.locator(".flash")).hasText("Die Verbindung ist angelegt.");
            Locator row = page.locator("#connections ~ .table-wrap tbody tr");
            assertThat(row).hasCount(1);
            assertThat(row).containsText("Telnyx Berlin");
            assertThat(row).containsText("Passwort gesetzt");
            assertThat(page.content()).doesNotContain(secret);

            page.locator("[id='number.number']").fill("+49 30 901820");
            page.locator("[id='number.label']").fill("Empfang");
            page.locator("form[action='/admin/telephony/numbers'] button").click();
            assertThat(page.locator("#numbers ~ .table-wrap")).containsText("+4930901820");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Jetzt synchronisieren"))
                    .click();
            assertThat(page.locator(".sync-outcome")).isVisible();
            assertThat(page.locator(".sync-outcome [role=alert], .sync-outcome .badge"))
                    .not()
                    .hasCount(0);
            ConsoleBrowser.screenshot(page, "console-admin-telephony");
        }
        assertThat(fixtures.count("telephony_connections")).isEqualTo(1);
    }

    @Test
    void aNewFrontDeskUserSignsInCannotOpenTheAdminPagesAndOnceDeactivatedCannotSignIn() {
        String email = "helga@praxis.test";
        String password = "helgas-passwort-2026";
        try (BrowserContext adminContext = browser.context("de-DE")) {
            Page page = ConsoleBrowser.signInAsAdmin(adminContext, api);
            ConsoleBrowser.menuLink(page, "Benutzer").click();
            assertThat(page.locator("h1")).hasText("Benutzer");

            page.getByLabel("E-Mail").fill(email);
            page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Helga Brandt");
            page.getByLabel("Erstes Passwort").fill("zu-kurz");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Benutzer anlegen"))
                    .click();
            assertThat(page.locator("#password-error")).isVisible();
            assertThat(page.getByLabel("E-Mail")).hasValue(email);
            page.getByLabel("Erstes Passwort").fill(password);
            page.getByLabel("Erstes Passwort").press("Enter"); // the keyboard submits the form as well
            assertThat(page.locator(".flash")).containsText(email);
            assertThat(page.locator("table.users")).containsText("Helga Brandt");

            try (BrowserContext helgas = browser.context("de-DE")) {
                Page hers = ConsoleBrowser.signIn(helgas, api, email, password);
                assertThat(ConsoleBrowser.menuLink(hers, "Benutzer")).hasCount(0);
                Response forbidden = hers.navigate(api.uri("/admin/users").toString());
                assertThat(forbidden.status()).isEqualTo(403);

                page.reload();
                assertThat(page.locator("table.users")).containsText("Helga Brandt");
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(email + " deaktivieren"))
                        .click();
                assertThat(page.locator(".flash")).containsText("kann sich nicht mehr anmelden");

                // her open session ends with her next request
                hers.navigate(api.uri("/console").toString());
                assertThat(hers).hasURL(Pattern.compile(".*/login$"));
            }
            ConsoleBrowser.screenshot(page, "console-admin-users");
        }
        try (BrowserContext again = browser.context("de-DE")) {
            Page page = again.newPage();
            page.navigate(api.uri("/login").toString());
            page.locator("#email").fill(email);
            page.locator("#password").fill(password);
            page.locator("form button[type=submit]").click();
            assertThat(page).hasURL(Pattern.compile(".*/login\\?error.*"));
        }
    }

    @Test
    void inEnglishOnAPhoneTheAdminPagesFitTheScreen() {
        try (BrowserContext context = browser.phoneContext("en-GB")) {
            Page page = ConsoleBrowser.signInAsAdmin(context, api);
            String[][] pages = {
                {"/admin/settings?lang=en", "Settings"}, {"/admin/telephony", "Telephony"}, {"/admin/users", "Users"}
            };
            for (String[] p : pages) {
                Response response = page.navigate(api.uri(p[0]).toString());
                assertThat(response.status()).as(p[0]).isEqualTo(200);
                assertThat(page.locator("h1")).hasText(p[1]);
                Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
                assertThat(((Number) overflow).intValue()).as(p[0]).isLessThanOrEqualTo(0);
            }
            assertThat(page.locator("html")).hasAttribute("lang", "en");
            ConsoleBrowser.screenshot(page, "console-admin-users-phone");
            page.navigate(api.uri("/admin/settings").toString());
            assertThat(page.getByText("Opening hours").first()).isVisible();
            ConsoleBrowser.screenshot(page, "console-admin-settings-phone");
        }
    }

    private static void savePractice(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Praxis speichern"))
                .click();
    }

    private static void save(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Speichern"))
                .click();
    }
}
