package dev.sofia.clinic.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * The voice widget on a page in {@link HeadlessChromium}, for the browser tests that talk to
 * Sofia through it (on the German demo page): its parts, a turn of its text chat, and waits long
 * enough for what Sofia does.
 */
public final class SofiaWidget {

    /** How long anything Sofia does may take; generous, since a busy CI machine is slow. */
    public static final double PATIENCE_MS = 30_000;

    private SofiaWidget() {}

    /** Inside the widget (Playwright's CSS pierces its open shadow root). */
    public static Locator widget(Page page, String selector) {
        return page.locator("#sofia-widget " + selector);
    }

    /** The German "Mit Sofia sprechen" button that starts a call. */
    public static Locator talkButton(Page page) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mit Sofia sprechen"));
    }

    /** Waits until Sofia has greeted the caller in the transcript. */
    public static void awaitGreeting(Page page) {
        assertThat(widget(page, ".transcript .line.agent").first())
                .containsText("Wie kann ich Ihnen helfen", patience());
    }

    /**
     * Types {@code text} into the widget's chat, sees it in the transcript, and waits for Sofia's
     * answer containing {@code expected}.
     */
    public static void turn(Page page, String text, String expected) {
        Locator chat = page.getByLabel("Nachricht an Sofia");
        chat.fill(text);
        chat.press("Enter");
        Locator transcript = widget(page, ".transcript");
        assertThat(transcript.locator(".line.caller").last()).containsText(text);
        assertThat(transcript.locator(".line.agent").last()).containsText(expected, patience());
    }

    /** Prints what the page logs to its console into the test's output. */
    public static void logConsole(Page page) {
        page.onConsoleMessage(message -> System.out.println("[browser " + message.type() + "] " + message.text()));
    }

    public static LocatorAssertions.ContainsTextOptions patience() {
        return new LocatorAssertions.ContainsTextOptions().setTimeout(PATIENCE_MS);
    }

    public static LocatorAssertions.HasTextOptions hasTextPatience() {
        return new LocatorAssertions.HasTextOptions().setTimeout(PATIENCE_MS);
    }

    public static LocatorAssertions.IsEnabledOptions enabledPatience() {
        return new LocatorAssertions.IsEnabledOptions().setTimeout(PATIENCE_MS);
    }
}
