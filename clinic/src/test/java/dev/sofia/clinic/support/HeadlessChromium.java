package dev.sofia.clinic.support;

import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, headless, driven by Playwright (whose own browser download stays off), with a
 * fake microphone: what the widget's browser tests run in. Whether a page may use the microphone is
 * each browser context's permission. The widget's and the console's browser tests run in it.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private HeadlessChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Launches Chromium with the test flags and these further command-line switches. */
    public static HeadlessChromium launch(List<String> moreArgs) {
        if (!Files.isExecutable(EXECUTABLE)) {
            fail(EXECUTABLE + " is missing: install Debian's chromium (scripts/setup.sh, ensure_test_peers)");
        }
        List<String> args = new ArrayList<>(List.of(
                // a fake microphone; whether a page may use it is the context's permission
                "--use-fake-device-for-media-stream",
                // a page that was not granted the microphone is refused, not left asking
                "--deny-permission-prompts",
                "--autoplay-policy=no-user-gesture-required"));
        args.addAll(moreArgs);
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(EXECUTABLE)
                            .setHeadless(true)
                            .setArgs(args));
            return new HeadlessChromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    public Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
