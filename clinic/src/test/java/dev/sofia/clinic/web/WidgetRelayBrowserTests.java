package dev.sofia.clinic.web;

import static dev.sofia.clinic.support.SofiaWidget.PATIENCE_MS;
import static dev.sofia.clinic.support.SofiaWidget.awaitGreeting;
import static dev.sofia.clinic.support.SofiaWidget.hasTextPatience;
import static dev.sofia.clinic.support.SofiaWidget.logConsole;
import static dev.sofia.clinic.support.SofiaWidget.talkButton;
import static dev.sofia.clinic.support.SofiaWidget.turn;
import static dev.sofia.clinic.support.SofiaWidget.widget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.CalendarFixtures;
import dev.sofia.clinic.support.HeadlessChromium;
import dev.sofia.clinic.support.TestClock;
import dev.sofia.clinic.support.livekit.LiveKitIntegrationTest;
import dev.sofia.clinic.support.livekit.LiveKitServerExtension;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget's "restricted network" option in a real browser: Chromium with
 * {@code iceTransportPolicy: 'relay'} may use no path but a TURN relay, and the only TURN there is
 * livekit-server's embedded one over TLS. The caller talks to Sofia (the app's own agent worker)
 * and the browser's own WebRTC statistics show that the connection in use runs through a relay
 * reached over TLS.
 */
@LiveKitIntegrationTest
class WidgetRelayBrowserTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @RegisterExtension
    static final LiveKitServerExtension livekit =
            LiveKitServerExtension.withWebhooksToApp().withTurnTls();

    @DynamicPropertySource
    static void livekit(DynamicPropertyRegistry registry) {
        livekit.registerProperties(registry);
    }

    private static HeadlessChromium chromium;

    @Autowired
    Api api;

    @Autowired
    CalendarFixtures fixtures;

    @Autowired
    TestClock clock;

    private BrowserContext context;
    /** A second Chromium, for the one test whose browser must not trust the TURN certificate. */
    private HeadlessChromium untrusting;

    @BeforeAll
    static void launchChromium() {
        // Chromium checks a TURN server's certificate like a web site's and refuses a self-signed
        // one (the TLS handshake ends in "unknown certificate" and the relay never comes up). The
        // test trusts exactly the TURN server's key, as a real deployment's browsers trust its
        // CA-signed certificate.
        chromium = HeadlessChromium.launch(List.of("--ignore-certificate-errors-spki-list="
                + livekit.turnCertificate().spkiSha256()));
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
        if (untrusting != null) {
            untrusting.close();
        }
    }

    @Test
    void aCallerOnARestrictedNetworkTalksToSofiaThroughTurnOverTls() throws InterruptedException {
        Page page = openRestrictedNetworkPractice(chromium.browser());

        talkButton(page).click();
        // the page's data-relay="true" is the panel's "restricted network" option, ticked
        expect(widget(page, ".relay-option")).isChecked();

        awaitGreeting(page);
        turn(page, "Wie sind Ihre Öffnungszeiten?", "Unsere Öffnungszeiten");

        // Sofia's voice has arrived, over the connection in use: a relay, reached over TLS.
        List<JsonNode> connections = awaitConnectionsCarryingAudio(page);
        for (JsonNode connection : connections) {
            assertThat(connection.path("policy").asString())
                    .as("ICE transport policy")
                    .isEqualTo("relay");
            JsonNode pair = connection.path("pair");
            assertThat(pair.path("state").asString())
                    .as("selected candidate pair")
                    .isEqualTo("succeeded");
            assertThat(pair.path("nominated").asBoolean()).as("nominated").isTrue();
            JsonNode local = connection.path("local");
            assertThat(local.path("candidateType").asString())
                    .as("local candidate of %s", connection)
                    .isEqualTo("relay");
            assertThat(local.path("relayProtocol").asString())
                    .as("how the browser reaches its TURN server, %s", connection)
                    .isEqualTo("tls");
        }
        System.out.println("relayed peer connections: " + connections);
        // for people reviewing the widget: the call in progress on a restricted network
        page.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target", "widget-relay.png")));

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Auflegen"))
                .click();
        expect(widget(page, ".state")).hasText("Gespräch beendet", hasTextPatience());
    }

    /**
     * The same call from a browser that does not trust the TURN server's certificate: with relay
     * the only way, no connection comes up, and the widget says so with its relay hint. This shows
     * both that the first test's connection depended on TURN over TLS and why that test trusts
     * the certificate.
     */
    @Test
    void aBrowserThatDoesNotTrustTheTurnCertificateCannotConnectAndIsTold() {
        untrusting = HeadlessChromium.launch(List.of());
        Page page = openRestrictedNetworkPractice(untrusting.browser());
        talkButton(page).click();

        // livekit-client gives up on the peer connection after its own timeout (about 15 s)
        expect(widget(page, ".notice"))
                .containsText(
                        "Die Sprachverbindung konnte auch über den Relay-Server nicht aufgebaut werden",
                        new LocatorAssertions.ContainsTextOptions().setTimeout(2 * PATIENCE_MS));
        expect(widget(page, ".state")).hasText("Nicht verbunden");
        // the browser ended the TLS handshake with the TURN server over the certificate
        assertThat(livekit.server().output()).contains("TLS handshake failed: remote error: tls: unknown certificate");
    }

    /**
     * The practice page whose widget has the restricted-network option on, in a new context of
     * {@code browser} with the microphone allowed and the page's peer connections recorded.
     */
    private Page openRestrictedNetworkPractice(Browser browser) {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("de-DE"));
        context.grantPermissions(List.of("microphone"));
        context.addInitScript(recordPeerConnections(livekit.config().turnTls()));
        Page page = context.newPage();
        logConsole(page);
        page.navigate(api.uri("/widget/test-relay.html").toString());
        return page;
    }

    /**
     * A script run in every page before its own: it keeps the page's RTCPeerConnections where the
     * test can ask them for statistics (the widget itself stays untouched), and sends the browser
     * to the TURN server's actual port. livekit-server advertises TURN/TLS as
     * {@code turns:<domain>:443} whatever port it listens on, expecting port 443 to be forwarded
     * there (or to be the port); a test can neither bind port 443 (privileged, and shared by the
     * machine) nor forward it, so this stands in for that forwarding — the address, credentials,
     * TLS and relay are the server's own.
     */
    private static String recordPeerConnections(LiveKitServerConfig.TurnTls turn) {
        return """
                (() => {
                  const advertised = 'turns:%1$s:443?';
                  const actual = 'turns:%1$s:%2$d?';
                  const toTurnPort = (config) => config && {
                    ...config,
                    iceServers: (config.iceServers ?? []).map((server) => ({
                      ...server,
                      urls: [].concat(server.urls).map((url) => url.replace(advertised, actual)),
                    })),
                  };
                  const connections = [];
                  const Native = window.RTCPeerConnection;
                  window.RTCPeerConnection = class extends Native {
                    constructor(config, ...rest) {
                      super(toTurnPort(config), ...rest);
                      connections.push(this);
                    }
                    setConfiguration(config) {
                      return super.setConfiguration(toTurnPort(config));
                    }
                  };
                  window.sofiaTestPeerConnections = connections;
                })();
                """.formatted(turn.domain(), turn.port());
    }

    /**
     * For each open peer connection with a selected candidate pair: the ICE transport policy, the
     * pair, its local candidate and the audio bytes received (from {@code getStats()}).
     */
    private static final String CONNECTION_STATS = """
            async () => JSON.stringify(await Promise.all(window.sofiaTestPeerConnections
              .filter((pc) => pc.connectionState !== 'closed')
              .map(async (pc) => {
                const stats = await pc.getStats();
                const byId = new Map();
                stats.forEach((report) => byId.set(report.id, report));
                let pair;
                let audioBytesReceived = 0;
                stats.forEach((report) => {
                  if (report.type === 'transport' && report.selectedCandidatePairId) {
                    pair = byId.get(report.selectedCandidatePairId);
                  }
                  if (report.type === 'inbound-rtp' && report.kind === 'audio') {
                    audioBytesReceived += report.bytesReceived ?? 0;
                  }
                });
                const local = pair && byId.get(pair.localCandidateId);
                return {
                  connectionState: pc.connectionState,
                  policy: pc.getConfiguration().iceTransportPolicy,
                  pair: pair && { state: pair.state, nominated: pair.nominated },
                  local: local && {
                    candidateType: local.candidateType,
                    relayProtocol: local.relayProtocol,
                    protocol: local.protocol,
                    url: local.url,
                  },
                  audioBytesReceived,
                };
              })))
            """;

    /** The open connections with a selected pair, once one of them has received audio. */
    private static List<JsonNode> awaitConnectionsCarryingAudio(Page page) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMillis((long) PATIENCE_MS));
        while (true) {
            List<JsonNode> selected = new ArrayList<>();
            boolean audio = false;
            for (JsonNode connection : JSON.readTree((String) page.evaluate(CONNECTION_STATS))) {
                if (!connection.path("pair").isMissingNode()) {
                    selected.add(connection);
                    audio |= connection.path("audioBytesReceived").asLong() > 0;
                }
            }
            if (audio) {
                return selected;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("no peer connection received audio within " + PATIENCE_MS + " ms: " + selected);
            }
            Thread.sleep(250);
        }
    }

    private static LocatorAssertions expect(Locator locator) {
        return PlaywrightAssertions.assertThat(locator);
    }
}
