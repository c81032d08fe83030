package dev.sofia.livekit.local.deployment;

import dev.sofia.livekit.local.FreePorts;
import dev.sofia.livekit.local.SelfSignedCertificate;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One of deploy/livekit*.yaml, read as it is committed and adjusted only where a test machine must
 * differ from production: free ports instead of fixed ones, the test's own Redis, addresses and a
 * certificate for the test host, no STUN look-up, and a local webhook receiver. Everything else
 * (TURN, fallbacks, room timeouts, and that the file holds no keys) is tested as written.
 *
 * @param config the adjusted file
 * @param turnTlsPort where TURN over TLS listens
 * @param certificate the certificate TURN/TLS serves
 */
record DeployedLiveKitConfig(Map<String, Object> config, int turnTlsPort, SelfSignedCertificate certificate) {

    /**
     * @param file e.g. "deploy/livekit.yaml"
     * @param bind the address the test's clients reach the server at (also the TURN domain)
     * @param dir a private directory for the certificate
     */
    static DeployedLiveKitConfig adjust(
            String file, InetAddress bind, String redisAddress, String webhookUrl, Path dir) {
        Map<String, Object> config = YamlFile.read(RepositoryFiles.resolve(file));
        YamlFile.set(config, "port", FreePorts.tcp());
        List<String> bindAddresses = new ArrayList<>(List.of("127.0.0.1"));
        if (!bind.isLoopbackAddress()) {
            bindAddresses.add(bind.getHostAddress());
        }
        YamlFile.set(config, "bind_addresses", bindAddresses);
        YamlFile.set(config, "rtc.tcp_port", FreePorts.tcp());
        if (YamlFile.get(config, "rtc.udp_port") != null) {
            YamlFile.set(config, "rtc.udp_port", FreePorts.udp());
        }
        // Production finds its public address with STUN; a test machine has none to find.
        YamlFile.set(config, "rtc.use_external_ip", false);
        // A client on loopback needs the server's loopback candidate (a relay never does).
        YamlFile.set(config, "rtc.enable_loopback_candidate", bind.isLoopbackAddress());
        YamlFile.set(config, "redis.address", redisAddress);
        SelfSignedCertificate certificate = SelfSignedCertificate.generate(dir, bind);
        int tlsPort = FreePorts.tcp();
        YamlFile.set(config, "turn.domain", bind.getHostAddress());
        YamlFile.set(config, "turn.tls_port", tlsPort);
        if (YamlFile.get(config, "turn.udp_port") != null) {
            YamlFile.set(config, "turn.udp_port", FreePorts.udp());
        }
        YamlFile.set(config, "turn.cert_file", certificate.certFile().toString());
        YamlFile.set(config, "turn.key_file", certificate.keyFile().toString());
        // Relays go to this host's own (private or loopback) addresses here, not to compose's subnet.
        YamlFile.set(
                config,
                "turn.allow_restricted_peer_cidrs",
                List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "192.0.2.0/24"));
        YamlFile.set(config, "turn.relay_range_start", 50_000);
        YamlFile.set(config, "turn.relay_range_end", 59_999);
        YamlFile.set(config, "webhook.urls", List.of(webhookUrl));
        return new DeployedLiveKitConfig(config, tlsPort, certificate);
    }
}
