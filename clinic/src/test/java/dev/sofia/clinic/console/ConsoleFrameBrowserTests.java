package dev.sofia.clinic.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import dev.sofia.clinic.support.ConsoleBrowser;
import dev.sofia.clinic.support.ConsoleBrowserTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The frame every console page shares, in a real browser: the overview's counts, the language
 * kept from page to page once picked, the skip link for keyboard users, and a phone's screen with
 * nothing wider than it.
 */
class ConsoleFrameBrowserTests extends ConsoleBrowserTest {

    @BeforeEach
    void demoPractice() {
        fixtures.demoPractice(clock);
    }

    @Test
    void theOverviewCountsTodayAndLinksOn() {
        try (BrowserContext context = browser.context("de-DE")) {
            Page page = ConsoleBrowser.signInAsAdmin(context, api);
            assertThat(page.locator("h1")).containsText("Heute");
            assertThat(page.locator(".cards li")).hasCount(3);
            assertThat(page.locator(".cards a[href='/console/messages']")).containsText("offene Nachrichten");
            ConsoleBrowser.screenshot(page, "console-overview");
        }
    }

    @Test
    void aLanguagePickedOnceIsKeptOnTheFollowingPages() {
        try (BrowserContext context = browser.context("de-DE")) {
            Page page = ConsoleBrowser.signInAsAdmin(context, api);
            assertThat(ConsoleBrowser.menuLink(page, "Kalender")).isVisible();
            page.getByText("EN", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(ConsoleBrowser.menuLink(page, "Calendar")).isVisible();
            assertThat(page.locator("html")).hasAttribute("lang", "en");

            page.navigate(api.uri("/console").toString()); // no ?lang=: the cookie keeps English
            assertThat(page.locator("h1")).containsText("Today");
            page.getByText("DE", new Page.GetByTextOptions().setExact(true)).click();
            assertThat(page.locator("h1")).containsText("Heute");
        }
    }

    @Test
    void theFirstTabReachesTheSkipLinkWhichJumpsToTheContent() {
        try (BrowserContext context = browser.context("de-DE")) {
            Page page = ConsoleBrowser.signInAsAdmin(context, api);
            page.keyboard().press("Tab");
            assertThat(page.locator(".skip")).isFocused();
            page.keyboard().press("Enter");
            assertThat(page).hasURL(java.util.regex.Pattern.compile(".*#content$"));
        }
    }

    @Test
    void onAPhoneNothingIsWiderThanTheScreen() {
        try (BrowserContext context = browser.phoneContext("de-DE")) {
            Page page = ConsoleBrowser.signInAsAdmin(context, api);
            Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
            assertThat(ConsoleBrowser.menuLink(page, "Nachrichten")).isVisible();
            ConsoleBrowser.screenshot(page, "console-overview-phone");
        }
    }
}
