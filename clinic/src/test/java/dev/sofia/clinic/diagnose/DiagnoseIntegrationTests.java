package dev.sofia.clinic.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.sofia.clinic.livekit.LiveKitConnection;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.livekit.local.FreePorts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code diagnose} against a real deployment: the test app (its own local livekit-server, the
 * in-process agent worker, a real PostgreSQL) with the app's own settings, then with one thing
 * broken at a time. Key rotation, SIP and TURN need a livekit-server of their own
 * ({@link DiagnoseLiveKitIntegrationTests}).
 */
@ClinicIntegrationTest
class DiagnoseIntegrationTests {

    @Autowired
    LiveKitConnection livekit;

    @Autowired
    HikariDataSource dataSource;

    @LocalServerPort
    int port;

    /** The app's own settings, as an operator would export them for diagnose. */
    private List<String> good() {
        return new ArrayList<>(List.of(
                "--LIVEKIT_URL=" + livekit.url(),
                "--LIVEKIT_API_KEY=" + livekit.apiKey(),
                "--LIVEKIT_API_SECRET=" + livekit.apiSecret(),
                "--DATABASE_URL=" + dataSource.getJdbcUrl(),
                "--SOFIA_LLM=offline",
                "--SOFIA_STT=none",
                "--SOFIA_TTS=espeak",
                "--app-url=http://127.0.0.1:" + port));
    }

    private DiagnoseRun diagnose(List<String> args) {
        DiagnoseRun run = DiagnoseRun.of(args.toArray(String[]::new));
        // whatever happens, no secret reaches the table
        assertThat(run.output()).doesNotContain(livekit.apiSecret());
        return run;
    }

    private static List<String> with(List<String> args, String... replacements) {
        List<String> result = new ArrayList<>(args);
        for (String replacement : replacements) {
            String name = replacement.substring(0, replacement.indexOf('=') + 1);
            result.removeIf(arg -> arg.startsWith(name));
            result.add(replacement);
        }
        return result;
    }

    @Test
    void theWorkingDeploymentPassesEveryCheck() {
        DiagnoseRun run = diagnose(good()).saveAs("good", "the app's own settings (LIVEKIT_URL, keys, DATABASE_URL)");

        assertThat(run.exitCode()).as(run.output()).isEqualTo(Diagnose.OK);
        assertThat(run.output()).doesNotContain(" FAIL ");
        Stream.of(
                        "livekit-http",
                        "livekit-rtc-validate",
                        "livekit-api-key",
                        "livekit-test-room",
                        "webhook " + livekit.apiKey(),
                        "agent-worker",
                        "database")
                .forEach(check -> assertThat(run.row(check)).as(run.output()).contains(" OK "));
        assertThat(run.row("livekit-rtc-validate")).contains("success");
        assertThat(run.row("agent-worker")).contains("agent \"sofia\" joined");
        // the app's local livekit-server hands out no TURN and runs without Redis (no SIP API)
        Stream.of("turn-tcp-tls", "sip-config", "sip-service", "providers")
                .forEach(check -> assertThat(run.row(check)).as(run.output()).contains(" SKIP "));
    }

    @Test
    void aWrongSecretFailsTheKeyChecksAndTheWebhook() {
        DiagnoseRun run = diagnose(with(good(), "--LIVEKIT_API_SECRET=wrong-secret-0123456789abcdefghijklmnopqrs"))
                .saveAs("wrong-secret", "LIVEKIT_API_SECRET is not the secret of LIVEKIT_API_KEY");

        assertThat(run.exitCode()).isEqualTo(Diagnose.FAILED);
        assertThat(run.row("livekit-http")).contains(" OK ");
        assertThat(run.row("livekit-rtc-validate"))
                .contains(" FAIL ")
                .contains("HTTP 401")
                .contains("fix: livekit-server does not accept tokens signed with LIVEKIT_API_KEY and"
                        + " LIVEKIT_API_SECRET; use a key pair from the server's `keys:`");
        assertThat(run.row("livekit-api-key"))
                .contains(" FAIL ")
                .contains("fix: LIVEKIT_API_KEY/LIVEKIT_API_SECRET are not a key pair of this server");
        assertThat(run.row("livekit-test-room")).contains(" FAIL ");
        assertThat(run.row("agent-worker")).contains(" FAIL ");
        assertThat(run.row("webhook " + livekit.apiKey())).contains(" FAIL ").contains("refused with 401");
        assertThat(run.row("turn-tcp-tls"))
                .contains(" FAIL ")
                .contains("HTTP 401 instead of a WebSocket upgrade")
                .contains(
                        "fix: LiveKit refused the token, so LIVEKIT_API_KEY and LIVEKIT_API_SECRET are not a key pair");
        assertThat(run.row("database")).contains(" OK ");
    }

    @Test
    void aUrlWhereNothingListensFailsWithTheAddress() {
        int closed = FreePorts.tcp();
        DiagnoseRun run = diagnose(with(good(), "--LIVEKIT_URL=ws://127.0.0.1:" + closed))
                .saveAs("wrong-url-port", "LIVEKIT_URL=ws://127.0.0.1:<a port nothing listens on>");

        assertThat(run.exitCode()).isEqualTo(Diagnose.FAILED);
        assertThat(run.row("livekit-http"))
                .contains(" FAIL ")
                .contains("ConnectException")
                .contains("fix: nothing listens on 127.0.0.1:" + closed);
        Stream.of("livekit-api-key", "livekit-test-room", "agent-worker", "turn-tcp-tls")
                .forEach(check -> assertThat(run.row(check)).as(run.output()).contains(" FAIL "));
        assertThat(run.row("webhook " + livekit.apiKey())).contains(" OK ");
    }

    @Test
    void aHostThatDoesNotResolveSaysSo() {
        // .invalid never resolves (RFC 6761): what a container name outside the shared network does
        DiagnoseRun run = diagnose(with(good(), "--LIVEKIT_URL=ws://livekit.invalid:7880"))
                .saveAs("wrong-url-host", "LIVEKIT_URL=ws://livekit.invalid:7880 (a name that does not resolve)");

        assertThat(run.exitCode()).isEqualTo(Diagnose.FAILED);
        assertThat(run.row("livekit-http"))
                .contains(" FAIL ")
                .contains("fix: the host of LIVEKIT_URL (livekit.invalid:7880) does not resolve here");
        assertThat(run.row("livekit-api-key")).contains(" FAIL ").contains("does not resolve");
        assertThat(run.row("turn-tcp-tls")).contains(" FAIL ").contains("does not resolve");
    }

    @Test
    void anUnreachableAppFailsTheWebhookCheck() {
        int closed = FreePorts.tcp();
        DiagnoseRun run = diagnose(with(good(), "--app-url=http://127.0.0.1:" + closed))
                .saveAs("unreachable-webhook", "--app-url=http://127.0.0.1:<a port nothing listens on>");

        assertThat(run.exitCode()).isEqualTo(Diagnose.FAILED);
        assertThat(run.row("webhook"))
                .contains(" FAIL ")
                .contains("ConnectException")
                .contains("fix: the app is not reachable at http://127.0.0.1:" + closed);
        assertThat(run.row("livekit-api-key")).contains(" OK ");
    }

    @Test
    void anAgentNameNoWorkerRegistersUnderFailsTheAgentCheck() {
        DiagnoseRun run = diagnose(with(good(), "--SOFIA_AGENT_NAME=nobody-registers-this"))
                .saveAs("no-agent", "SOFIA_AGENT_NAME=nobody-registers-this (no worker under that name)");

        assertThat(run.exitCode()).isEqualTo(Diagnose.FAILED);
        assertThat(run.row("agent-worker"))
                .contains(" FAIL ")
                .contains("fix: no worker is registered as \"nobody-registers-this\"");
    }

    @Test
    void aDatabaseWithoutTheMigrationsAndOneThatIsDownFail() throws Exception {
        try (EmbeddedPostgres empty = EmbeddedPostgres.start()) {
            DiagnoseRun run = diagnose(with(good(), "--DATABASE_URL=" + empty.getJdbcUrl("postgres", "postgres")))
                    .saveAs("database-not-migrated", "DATABASE_URL of an empty database");
            assertThat(run.exitCode()).isEqualTo(Diagnose.FAILED);
            assertThat(run.row("database"))
                    .contains(" FAIL ")
                    .contains("changesets not applied")
                    .contains("fix: start the app once against this database");
        }
        String password = "db-password-not-to-be-printed";
        DiagnoseRun down = diagnose(with(
                        good(),
                        "--DATABASE_URL=postgres://sofia:" + password + "@127.0.0.1:" + FreePorts.tcp() + "/sofia"))
                .saveAs("database-down", "DATABASE_URL=postgres://sofia:…@127.0.0.1:<a closed port>/sofia");
        assertThat(down.exitCode()).isEqualTo(Diagnose.FAILED);
        assertThat(down.output()).doesNotContain(password);
        assertThat(down.row("database")).contains(" FAIL ").contains("fix: PostgreSQL is not reachable");
    }

    @Test
    void aConfigurationTheAppWouldRefuseIsListedWhileTheOtherChecksStillRun() {
        DiagnoseRun run = diagnose(with(good(), "--SOFIA_MAX_CALLS=lots", "--SOFIA_ROLE=everything"))
                .saveAs("broken-configuration", "SOFIA_MAX_CALLS=lots SOFIA_ROLE=everything (the app would not start)");

        assertThat(run.exitCode()).isEqualTo(Diagnose.FAILED);
        assertThat(run.row("configuration"))
                .contains(" FAIL ")
                .contains("2 problems: SOFIA_ROLE")
                .contains("SOFIA_MAX_CALLS")
                .contains("fix: the app refuses to start until each of these is fixed");
        assertThat(run.row("livekit-api-key")).contains(" OK ");
        assertThat(run.row("database")).contains(" OK ");
    }

    @Test
    void anUnknownArgumentIsAUsageError() {
        DiagnoseRun run = DiagnoseRun.of("--app-url");
        assertThat(run.exitCode()).isEqualTo(Diagnose.USAGE);
        assertThat(run.output()).contains("usage: diagnose");
    }
}
