package dev.sofia.livekit.local.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sofia.livekit.local.RedisProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/livekit-tcp-only.yaml where UDP does not pass: the clients run inside a network namespace
 * whose firewall drops every UDP packet (UdpBlockedNamespace), the server outside it with the
 * committed file (ports, addresses and certificate adjusted by DeployedLiveKitConfig), and still
 * a tone goes from one client through the server to the other, over ICE/TCP.
 *
 * <p>Relay-only clients over TURN/TLS are not exercised here: the Python SDK's libwebrtc accepts
 * only certificates from a public authority and offers no way to trust a test certificate
 * (docs/operations.md, "What the tests prove"); that the listener serves the configured
 * certificate is checked in DeployLiveKitConfigIntegrationTests.
 */
class TcpOnlyNetworkIntegrationTests {

    private static final String KEY = "tcponlykey";
    private static final String SECRET = "tcp-only-test-secret-0123456789abcdef01234567";

    @Test
    void audioFlowsOverTcpWhenUdpIsDropped(@TempDir Path dir) throws Exception {
        assumeTrue(
                "root".equals(System.getProperty("user.name")),
                "network namespaces need root (CI and the dev container run as root)");
        assertThat(UdpBlockedNamespace.missingTools())
                .as("iproute2 and nftables (scripts/setup.sh installs them with the test peers)")
                .isEmpty();

        try (RedisProcess redis = RedisProcess.start();
                UdpBlockedNamespace network = UdpBlockedNamespace.create();
                WebhookRecorder webhooks = new WebhookRecorder()) {
            DeployedLiveKitConfig deployed = DeployedLiveKitConfig.adjust(
                    "deploy/livekit-tcp-only.yaml", network.hostAddress(), redis.address(), webhooks.url(), dir);
            network.forwardHttpsTo(deployed.turnTlsPort());
            try (ConfiguredLiveKitServer server =
                    ConfiguredLiveKitServer.start(dir, deployed.config(), KEY + ": " + SECRET, KEY, "127.0.0.1")) {
                String url = "ws://" + network.hostAddress().getHostAddress() + ":"
                        + deployed.config().get("port");

                AudioCheck check = AudioCheck.run(network.exec(), url, KEY, SECRET);

                assertThat(check.toneArrived())
                        .as("%s\nserver:\n%s", check, DeployLiveKitConfigIntegrationTests.tail(server.output()))
                        .isTrue();
                assertThat(check.listenerProtocol()).as(check.toString()).isEqualTo("tcp");
                assertThat(check.talkerProtocol()).as(check.toString()).isEqualTo("tcp");
                assertThat(check.result()
                                .path("listener")
                                .path("remote")
                                .path("port")
                                .asInt())
                        .isEqualTo(YamlFile.get(deployed.config(), "rtc.tcp_port"));
                // The clients did try UDP (ICE checks every candidate pair), and the firewall dropped it.
                assertThat(network.udpPacketsDropped()).isPositive();
            }
        }
    }
}
