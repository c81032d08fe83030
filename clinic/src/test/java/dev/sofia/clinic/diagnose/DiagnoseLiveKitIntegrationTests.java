package dev.sofia.clinic.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sofia.clinic.livekit.LiveKitClients;
import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.livekit.LiveKitIntegrationTest;
import dev.sofia.clinic.support.livekit.LiveKitServerExtension;
import io.livekit.server.CreateSipDispatchRuleOptions;
import io.livekit.server.SipDispatchRuleIndividual;
import io.livekit.server.SipServiceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code diagnose} against a deployment shaped like production: the app on an external
 * livekit-server ({@code LIVEKIT_URL}) that has Redis (so its SIP API works) and its embedded TURN
 * over TLS, and the app accepting a second webhook key as it does in the middle of a key rotation.
 */
@LiveKitIntegrationTest
@TestPropertySource(
        properties = "sofia.livekit.webhook-keys=" + DiagnoseLiveKitIntegrationTests.NEXT_KEY + ":"
                + DiagnoseLiveKitIntegrationTests.NEXT_SECRET)
class DiagnoseLiveKitIntegrationTests {

    static final String NEXT_KEY = "sofia-next";
    static final String NEXT_SECRET = "next-secret-0123456789abcdefghijklmnopqrstuv";

    @RegisterExtension
    static final LiveKitServerExtension livekit =
            LiveKitServerExtension.withWebhooksToApp().withRedis().withTurnTls();

    @DynamicPropertySource
    static void livekit(DynamicPropertyRegistry registry) {
        livekit.registerProperties(registry);
    }

    @org.springframework.beans.factory.annotation.Autowired
    HikariDataSource dataSource;

    @org.springframework.beans.factory.annotation.Autowired
    Api api;

    private List<String> good() {
        return new ArrayList<>(List.of(
                "--LIVEKIT_URL=" + livekit.url(),
                "--LIVEKIT_API_KEY=" + livekit.config().apiKey(),
                "--LIVEKIT_API_SECRET=" + livekit.config().apiSecret(),
                "--LIVEKIT_WEBHOOK_KEYS=" + NEXT_KEY + ":" + NEXT_SECRET,
                "--DATABASE_URL=" + dataSource.getJdbcUrl(),
                "--SOFIA_LLM=offline",
                "--SOFIA_STT=none",
                "--SOFIA_TTS=espeak",
                "--trust-cert=" + livekit.turnCertificate().certFile(),
                "--app-url=http://127.0.0.1:" + livekit.appPort()));
    }

    private DiagnoseRun diagnose(List<String> args) {
        DiagnoseRun run = DiagnoseRun.of(args.toArray(String[]::new));
        assertThat(run.output()).doesNotContain(livekit.config().apiSecret()).doesNotContain(NEXT_SECRET);
        return run;
    }

    /** Port 443 of the TURN domain forwarded to turn.tls_port, as a production load balancer does. */
    private static PortForward turn443() throws Exception {
        var turn = livekit.config().turnTls();
        return PortForward.from443(java.net.InetAddress.getByName(turn.domain()), turn.port());
    }

    @Test
    void duringAKeyRotationBothWebhookKeysAreAcceptedAndSipAndTurnAreChecked() throws Exception {
        DiagnoseRun run;
        try (PortForward forward = turn443()) {
            run = diagnose(good())
                    .saveAs(
                            "good-rotation-sip-turn",
                            "LIVEKIT_URL of a livekit-server with Redis"
                                    + " and TURN/TLS; LIVEKIT_WEBHOOK_KEYS=sofia-next:… (a rotation in progress); --trust-cert=<the TURN"
                                    + " certificate>; port 443 of the TURN domain forwarded to turn.tls_port");
        }

        assertThat(run.exitCode()).as(run.output()).isEqualTo(Diagnose.OK);
        Stream.of(
                        "livekit-http",
                        "livekit-rtc-validate",
                        "livekit-api-key",
                        "livekit-test-room",
                        "webhook " + livekit.config().apiKey(),
                        "webhook " + NEXT_KEY,
                        "agent-worker",
                        "database",
                        "sip-config")
                .forEach(check -> assertThat(run.row(check)).as(run.output()).contains(" OK "));
        assertThat(run.row("turn-tcp-tls turns")).contains(" OK ").contains("TLS handshake completed");
        assertThat(run.row("sip-config")).contains("0 inbound trunks, 0 dispatch rules");
    }

    @Test
    void aTurnPort443NobodyForwardsFails() {
        DiagnoseRun run = diagnose(good())
                .saveAs(
                        "turn-443-not-forwarded",
                        "LiveKit's TURN/TLS on turn.tls_port, but nothing on port 443 of turn.domain");

        assertThat(run.exitCode()).isEqualTo(Diagnose.FAILED);
        assertThat(run.row("turn-tcp-tls turns"))
                .contains(" FAIL ")
                .contains(":443 ")
                .contains("fix: livekit-server advertises turns:<turn.domain>:443 whatever turn.tls_port is");
    }

    @Test
    void aTurnCertificateBrowsersDoNotTrustFails() throws Exception {
        List<String> args = good();
        args.removeIf(arg -> arg.startsWith("--trust-cert="));
        DiagnoseRun run;
        try (PortForward forward = turn443()) {
            run = diagnose(args)
                    .saveAs(
                            "turn-untrusted-certificate",
                            "LiveKit's TURN/TLS with a self-signed certificate (no --trust-cert), port 443 forwarded");
        }

        assertThat(run.exitCode()).isEqualTo(Diagnose.FAILED);
        assertThat(run.row("turn-tcp-tls turns"))
                .contains(" FAIL ")
                .contains("TLS failed")
                .contains("fix: turn.cert_file/key_file must be a certificate for");
    }

    @Test
    void aWebhookKeyTheAppDoesNotHoldFails() {
        List<String> args = good();
        args.removeIf(arg -> arg.startsWith("--LIVEKIT_WEBHOOK_KEYS="));
        args.add("--LIVEKIT_WEBHOOK_KEYS=" + NEXT_KEY + ":" + NEXT_SECRET
                + ",sofia-other:other-secret-0123456789abcdefghijklmn");
        DiagnoseRun run = diagnose(args)
                .saveAs(
                        "webhook-key-not-held",
                        "LIVEKIT_WEBHOOK_KEYS names a key the running app was not started with");

        assertThat(run.exitCode()).isEqualTo(Diagnose.FAILED);
        assertThat(run.row("webhook " + NEXT_KEY)).contains(" OK ");
        assertThat(run.row("webhook sofia-other"))
                .contains(" FAIL ")
                .contains("refused with 401")
                .contains("fix: the app does not hold this key");
        assertThat(run.output()).doesNotContain("other-secret-0123456789abcdefghijklmn");
    }

    @Test
    void aDispatchRuleNotScopedToTrunksFails() {
        SipServiceClient sip = SipServiceClient.createClient(
                livekit.config().httpUrl(),
                livekit.config().apiKey(),
                livekit.config().apiSecret());
        CreateSipDispatchRuleOptions options =
                new CreateSipDispatchRuleOptions(null, null, null, null, null, null, null);
        options.setName("made-by-hand");
        var rule = LiveKitClients.require(
                "create rule", sip.createSipDispatchRule(new SipDispatchRuleIndividual("call-", null), options));
        try {
            DiagnoseRun run =
                    diagnose(good()).saveAs("sip-rule-unscoped", "a dispatch rule made by hand without trunk ids");

            assertThat(run.exitCode()).isEqualTo(Diagnose.FAILED);
            assertThat(run.row("sip-config"))
                    .contains(" FAIL ")
                    .contains("rule made-by-hand is not scoped to any trunk")
                    .contains("fix: run POST /api/telephony/sync");
        } finally {
            LiveKitClients.execute("delete rule", sip.deleteSipDispatchRule(rule.getSipDispatchRuleId()));
        }
    }

    @Test
    void thePracticesRoutesAreComparedWithLiveKitsRulesByName() {
        // a connection, a number and a route through the app's API: the app syncs them to LiveKit
        String connection = created(api.post(
                "/api/telephony/connections",
                Api.json(Map.of(
                        "name", "Diagnose carrier",
                        "carrier", "generic",
                        "inbound", Map.of("allowedAddresses", List.of("192.0.2.0/24"))))));
        String number = created(api.post(
                "/api/telephony/numbers",
                Api.json(Map.of("connectionId", connection, "number", "+4930901899", "label", "Praxis"))));
        String route = created(api.post(
                "/api/telephony/routes",
                Api.json(Map.of("phoneNumberId", number, "language", "de", "greeting", "", "enabled", true))));
        SipServiceClient sip = SipServiceClient.createClient(
                livekit.config().httpUrl(),
                livekit.config().apiKey(),
                livekit.config().apiSecret());
        try {
            assertThat(diagnose(good()).row("sip-config"))
                    .contains(" OK ")
                    .contains("1 inbound trunks, 1 dispatch rules");

            // deleted by hand in LiveKit, as drift happens
            var rule = LiveKitClients.require("list rules", sip.listSipDispatchRule())
                    .getFirst();
            LiveKitClients.execute("delete rule", sip.deleteSipDispatchRule(rule.getSipDispatchRuleId()));
            DiagnoseRun run =
                    diagnose(good()).saveAs("sip-route-missing", "a route's dispatch rule deleted by hand in LiveKit");

            assertThat(run.exitCode()).isEqualTo(Diagnose.FAILED);
            assertThat(run.row("sip-config"))
                    .contains(" FAIL ")
                    .contains("sofia:route:" + route + " is missing in LiveKit")
                    .contains("fix: run POST /api/telephony/sync");
            assertThat(run.output()).doesNotContain("4930901899");
        } finally {
            api.delete("/api/telephony/routes/" + route);
            api.delete("/api/telephony/numbers/" + number);
            api.delete("/api/telephony/connections/" + connection);
        }
    }

    private static String created(Api.Response response) {
        assertThat(response.status()).as(response.raw().body()).isEqualTo(201);
        return response.json().get("id").asString();
    }
}
