package dev.sofia.livekit.local.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.sofia.livekit.local.RedisProcess;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * deploy/livekit.yaml and deploy/livekit-tcp-only.yaml run the real livekit-server (strict config
 * parsing: an unknown or misspelt key stops it), with keys from LIVEKIT_KEYS as compose passes
 * them, and two independent clients exchange audio through it; its TURN/TLS listener serves the
 * configured certificate, and its webhooks are signed with the key LIVEKIT_WEBHOOK_API_KEY names.
 * That the TCP-only file works where UDP is dropped is TcpOnlyNetworkIntegrationTests' part.
 */
class DeployLiveKitConfigIntegrationTests {

    private static final String KEY = "deploykey";
    private static final String SECRET = "deploy-test-secret-0123456789abcdef0123456789";

    private static RedisProcess redis;

    @BeforeAll
    static void startRedis() {
        redis = RedisProcess.start();
    }

    @AfterAll
    static void stopRedis() {
        redis.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"deploy/livekit.yaml", "deploy/livekit-tcp-only.yaml"})
    void theServerRunsWithTheFileAndCarriesAudio(String file, @TempDir Path dir) throws Exception {
        Map<String, Object> committed = YamlFile.read(RepositoryFiles.resolve(file));
        assertThat(committed).doesNotContainKeys("keys", "key_file");
        assertThat(YamlFile.get(committed, "webhook.api_key")).isNull();

        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (WebhookRecorder webhooks = new WebhookRecorder()) {
            DeployedLiveKitConfig deployed =
                    DeployedLiveKitConfig.adjust(file, loopback, redis.address(), webhooks.url(), dir);
            try (ConfiguredLiveKitServer server =
                    ConfiguredLiveKitServer.start(dir, deployed.config(), KEY + ": " + SECRET, KEY, "127.0.0.1")) {

                AudioCheck check = AudioCheck.run(List.of(), server.wsUrl(), KEY, SECRET);
                assertThat(check.toneArrived())
                        .as("%s\nserver:\n%s", check, tail(server.output()))
                        .isTrue();

                assertThat(server.output()).contains("Starting TURN server");
                assertTurnTlsServes(deployed, loopback);

                // Webhooks are signed with the named key's secret: what Sofia's verifier checks.
                String authorization = awaitFirst(webhooks);
                assertThat(Hs256Jwt.verifiedClaims(authorization, SECRET)
                                .path("iss")
                                .asString())
                        .isEqualTo(KEY);
            }
        }
    }

    /** What makes the test above worth its name: the server refuses a key it does not know. */
    @Test
    void aMisspeltKeyStopsTheServer(@TempDir Path dir) {
        DeployedLiveKitConfig deployed = DeployedLiveKitConfig.adjust(
                "deploy/livekit.yaml", InetAddress.getLoopbackAddress(), redis.address(), "http://127.0.0.1:9/", dir);
        YamlFile.set(deployed.config(), "rtc.tcp_prot", 7881);

        assertThatIllegalStateException()
                .isThrownBy(() -> ConfiguredLiveKitServer.start(
                                dir, deployed.config(), KEY + ": " + SECRET, KEY, "127.0.0.1")
                        .close())
                .withMessageContaining("tcp_prot");
    }

    private static void assertTurnTlsServes(DeployedLiveKitConfig deployed, InetAddress address) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(deployed.certificate().certFile())) {
            trusted.setCertificateEntry(
                    "turn", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(address, deployed.turnTlsPort())) {
            socket.startHandshake(); // fails unless TURN presents exactly the configured certificate
            assertThat(socket.getSession().getProtocol()).startsWith("TLS");
        }
    }

    private static String awaitFirst(WebhookRecorder webhooks) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (webhooks.authorizations().isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(50);
        }
        assertThat(webhooks.authorizations()).as("webhooks received").isNotEmpty();
        return webhooks.authorizations().getFirst();
    }

    static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 25), lines.size()));
    }
}
