package dev.sofia.clinic.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * {@link HeadlessChromium} for the staff console's browser tests: one browser per test class, a
 * fresh context (cookies, storage) per {@link #signIn}. A test class registers it as a JUnit
 * extension, which launches it before the class's tests and closes it after them:
 *
 * <pre>{@code @RegisterExtension static final ConsoleBrowser browser = ConsoleBrowser.perTestClass();}</pre>
 *
 * ({@link ConsoleBrowserTest} does so for its subclasses), or calls {@link #launch(List)} and
 * {@link #close()} itself. Screenshots go to {@code target/screenshots/}, where CI keeps them with
 * the test output.
 */
public final class ConsoleBrowser implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** A phone's screen (CSS pixels of a common 6.1" phone). */
    public static final int PHONE_WIDTH = 390;

    public static final int PHONE_HEIGHT = 844;

    private final List<String> moreArgs;
    private @Nullable HeadlessChromium chromium;

    private ConsoleBrowser(List<String> moreArgs) {
        this.moreArgs = List.copyOf(moreArgs);
    }

    /** Not launched yet: the extension launches it before all tests of the class, closes it after. */
    public static ConsoleBrowser perTestClass() {
        return new ConsoleBrowser(List.of());
    }

    /** Launched now, with more Chromium switches, e.g. a fake microphone playing a file. */
    public static ConsoleBrowser launch(List<String> moreArgs) {
        ConsoleBrowser browser = new ConsoleBrowser(moreArgs);
        browser.chromium = HeadlessChromium.launch(browser.moreArgs);
        return browser;
    }

    @Override
    public void beforeAll(ExtensionContext extension) {
        chromium = HeadlessChromium.launch(moreArgs);
    }

    @Override
    public void afterAll(ExtensionContext extension) {
        close();
    }

    private Browser browser() {
        if (chromium == null) {
            throw new IllegalStateException("the console browser is not launched");
        }
        return chromium.browser();
    }

    /** A fresh browser context on a desktop screen, German unless {@code locale} says otherwise. */
    public BrowserContext context(String locale) {
        return browser()
                .newContext(new Browser.NewContextOptions().setLocale(locale).setViewportSize(1280, 900));
    }

    /** A fresh browser context on a phone's screen. */
    public BrowserContext phoneContext(String locale) {
        return browser()
                .newContext(new Browser.NewContextOptions()
                        .setLocale(locale)
                        .setViewportSize(PHONE_WIDTH, PHONE_HEIGHT)
                        .setIsMobile(true)
                        .setHasTouch(true));
    }

    /**
     * Signs in through the login form in {@code context} and returns the page, now on the console.
     * Fails the test if the login does not land in the console.
     */
    public static Page signIn(BrowserContext context, Api api, String email, String password) {
        Page page = context.newPage();
        page.navigate(api.uri("/login").toString());
        page.locator("#email").fill(email);
        page.locator("#password").fill(password);
        page.locator("form button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/console(/.*)?$"));
        return page;
    }

    /** Signs in as the test admin every test context has. */
    public static Page signInAsAdmin(BrowserContext context, Api api) {
        return signIn(context, api, Api.ADMIN_EMAIL, Api.ADMIN_PASSWORD);
    }

    /** Saves a full-page screenshot as {@code target/screenshots/<name>.png}. */
    public static Path screenshot(Page page, String name) {
        Path file = Path.of("target", "screenshots", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The console menu's link named {@code name}, for keyboard and role-based navigation. */
    public static com.microsoft.playwright.Locator menuLink(Page page, String name) {
        return page.getByRole(AriaRole.NAVIGATION)
                .getByRole(AriaRole.LINK, new com.microsoft.playwright.Locator.GetByRoleOptions().setName(name));
    }

    @Override
    public void close() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }
}
