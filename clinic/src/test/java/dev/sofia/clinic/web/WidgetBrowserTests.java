package dev.sofia.clinic.web;

import static dev.sofia.clinic.support.SofiaWidget.PATIENCE_MS;
import static dev.sofia.clinic.support.SofiaWidget.awaitGreeting;
import static dev.sofia.clinic.support.SofiaWidget.enabledPatience;
import static dev.sofia.clinic.support.SofiaWidget.hasTextPatience;
import static dev.sofia.clinic.support.SofiaWidget.logConsole;
import static dev.sofia.clinic.support.SofiaWidget.patience;
import static dev.sofia.clinic.support.SofiaWidget.talkButton;
import static dev.sofia.clinic.support.SofiaWidget.turn;
import static dev.sofia.clinic.support.SofiaWidget.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.sofia.clinic.calls.CallSession;
import dev.sofia.clinic.calls.CallSessions;
import dev.sofia.clinic.calls.CallStatus;
import dev.sofia.clinic.livekit.CallerTokens;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.HeadlessChromium;
import dev.sofia.clinic.support.TestClock;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * The voice widget in a real browser: Debian's Chromium, driven by Playwright, opens the demo
 * practice page the app serves, clicks "Mit Sofia sprechen" and talks to Sofia — the app's own
 * agent worker in a room on the app's local livekit-server, with the offline dialog engine and
 * espeak-ng's voice — over the widget's text chat. The microphone is Chromium's fake device;
 * whether the page may use it is a permission each test grants or withholds.
 */
@ClinicIntegrationTest
class WidgetBrowserTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static HeadlessChromium chromium;
    private static Browser browser;

    @Autowired
    Api api;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    TestClock clock;

    @Autowired
    CallSessions callSessions;

    @Autowired
    CallerTokens tokens;

    private BrowserContext context;

    @BeforeAll
    static void launchChromium() {
        chromium = HeadlessChromium.launch(List.of());
        browser = chromium.browser();
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void seedTheDemoPracticeOnTheRealClock() {
        // real time: LiveKit checks the caller token's expiry against its own clock
        clock.reset();
        fixtures.demoPractice(clock);
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void aCallerTalksToSofiaOverTheWidgetAndHangsUp() throws Exception {
        Page page = open(List.of("microphone"), "/widget/demo.html");
        Locator launch = talkButton(page);

        // keyboard only: focus the button and press Enter
        launch.focus();
        Response connect = page.waitForResponse(
                response -> response.url().endsWith("/api/sofia/connect"),
                () -> page.keyboard().press("Enter"));
        assertThat(connect.status()).isEqualTo(201);
        String room = JSON.readTree(connect.text()).path("room").asString();

        awaitGreeting(page);
        expect(widget(page, ".state")).hasText("hört zu", hasTextPatience());
        expect(widget(page, ".notice")).isHidden(); // the microphone was allowed: nothing to explain

        turn(page, "Wie sind Ihre Öffnungszeiten?", "Unsere Öffnungszeiten");
        expect(widget(page, ".transcript .line.agent").last()).containsText(Pattern.compile("\\d{1,2}[:.]\\d{2}"));
        // for people reviewing the widget: the page with the call in progress
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "widget-call.png")));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Auflegen"))
                .click();
        expect(widget(page, ".state")).hasText("Gespräch beendet", hasTextPatience());
        await(
                "the call session has ended",
                () -> callSessions
                        .findByRoom(room)
                        .map(CallSession::status)
                        .filter(status -> status == CallStatus.ENDED));
        // the button is back, ready for another call
        expect(launch).isVisible();
    }

    @Test
    void aDeniedMicrophoneIsExplainedAndTheChatStillWorks() {
        Page page = open(List.of(), "/widget/demo.html");
        talkButton(page).click();

        expect(widget(page, ".notice")).containsText("Kein Zugriff auf das Mikrofon", patience());
        expect(widget(page, ".notice")).containsText("schreiben");
        awaitGreeting(page);

        expect(page.getByLabel("Nachricht an Sofia")).isEnabled(enabledPatience());
        turn(page, "Wie sind Ihre Öffnungszeiten?", "Unsere Öffnungszeiten");
        expect(widget(page, ".mute")).isDisabled(); // nothing to mute
    }

    @Test
    void anUnreachableServerIsExplained() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        // a practice page (on the app's origin) whose tag points at a Sofia that is not running
        String practicePage = "/widget/test-practice-sofia-down.html";
        Page page = open(List.of("microphone"), practicePage, """
                <!doctype html><html lang="de"><head><meta charset="utf-8"><title>Praxis</title></head>
                <body><h1>Praxis</h1>
                <script src="/widget/sofia-widget.js" data-sofia-url="http://127.0.0.1:%d" defer></script>
                </body></html>
                """.formatted(closedPort));
        talkButton(page).click();

        Locator notice = widget(page, ".notice");
        expect(notice).containsText("Sofia ist gerade nicht erreichbar", patience());
        assertThat(notice.textContent()).doesNotContainIgnoringCase("internal");
        expect(widget(page, ".state")).hasText("Nicht verbunden");
        // the caller can try again
        expect(talkButton(page)).isVisible();
    }

    @Test
    void aTokenLiveKitRejectsIsExplained() {
        // the connect endpoint answers with the real server's URL and a token it did not sign
        CallerTokens.CallerToken real = tokens.issue("web-widget-test-" + System.nanoTime(), "caller-widget-test");
        Page page = open(List.of("microphone"), "/widget/demo.html");
        answerConnect(page, real, real.token().substring(0, real.token().length() - 4) + "AAAA");
        talkButton(page).click();

        expect(widget(page, ".notice")).containsText("Der Sprachserver hat die Verbindung abgelehnt", patience());
        expect(widget(page, ".state")).hasText("Nicht verbunden");
    }

    @Test
    void noAgentTakingTheCallIsExplained() {
        // A real caller token for a room no agent is dispatched to (the connect endpoint's room
        // gets Sofia dispatched; this one does not): the caller joins and waits for nobody.
        CallerTokens.CallerToken lonely = tokens.issue("web-widget-no-agent-" + System.nanoTime(), "caller-no-agent");
        // A practice page the app serves, whose tag waits 3 s for Sofia instead of 15 s.
        Page page = open(List.of("microphone"), "/widget/test-no-agent.html");
        answerConnect(page, lonely, lonely.token());
        talkButton(page).click();

        // The widget starts waiting for Sofia only once it has joined the room, so this message
        // also says the join worked (a failed join has messages of its own).
        Locator notice = widget(page, ".notice");
        expect(notice)
                .hasText(
                        "Sofia ist gerade nicht verfügbar. Bitte versuchen Sie es später noch einmal oder rufen Sie die Praxis an.",
                        hasTextPatience());
        expect(widget(page, ".state")).hasText("Nicht verbunden");
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "widget-no-agent.png")));
        // the caller can try again
        expect(talkButton(page)).isVisible();
    }

    /** Answers the page's connect request itself: {@code real}'s server, room and caller, with {@code token}. */
    private static void answerConnect(Page page, CallerTokens.CallerToken real, String token) {
        String answer = JSON.writeValueAsString(Map.of(
                "url", real.url(),
                "token", token,
                "room", real.room(),
                "identity", real.identity(),
                "expiresAt", real.expiresAt().toString()));
        page.route(
                "**/api/sofia/connect",
                route -> route.fulfill(new Route.FulfillOptions()
                        .setStatus(201)
                        .setContentType("application/json")
                        .setBody(answer)));
    }

    @Test
    void theButtonSpeaksThePagesLanguage() {
        String page = "/widget/test-practice-%s.html";
        String html = """
                <!doctype html><html lang="%s"><head><meta charset="utf-8"><title>Praxis</title></head>
                <body><script src="/widget/sofia-widget.js" %s defer></script></body></html>
                """;
        Page russian = open(List.of(), page.formatted("ru"), html.formatted("ru", ""));
        expect(russian.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Поговорить с Софией")))
                .isVisible();
        Page english = open(List.of(), page.formatted("en"), html.formatted("ru", "data-lang=\"en\""));
        expect(english.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Talk to Sofia")))
                .isVisible();
    }

    /** A fresh page in a context with these permissions, at a path of the app. */
    private Page open(List<String> permissions, String path) {
        return open(permissions, path, null);
    }

    /** As {@link #open(List, String)}, with the page's HTML given here instead of served by the app. */
    private Page open(List<String> permissions, String path, String html) {
        if (context == null) {
            context = browser.newContext(new Browser.NewContextOptions().setLocale("de-DE"));
        }
        context.clearPermissions();
        if (!permissions.isEmpty()) {
            context.grantPermissions(permissions);
        }
        Page page = context.newPage();
        logConsole(page);
        String url = api.uri(path).toString();
        if (html != null) {
            page.route(
                    url,
                    route -> route.fulfill(new Route.FulfillOptions()
                            .setStatus(200)
                            .setContentType("text/html; charset=utf-8")
                            .setBody(html)));
        }
        page.navigate(url);
        return page;
    }

    private static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }

    private static void await(String what, java.util.function.Supplier<Optional<?>> condition)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMillis((long) PATIENCE_MS));
        while (condition.get().isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                fail("gave up waiting until " + what + " after " + PATIENCE_MS + " ms");
            }
            Thread.sleep(100);
        }
    }
}
