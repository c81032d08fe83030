package dev.sofia.clinic.support.livekit;

import dev.sofia.livekit.local.FreePorts;
import dev.sofia.livekit.local.LiveKitProcess;
import dev.sofia.livekit.local.LiveKitServerConfig;
import dev.sofia.livekit.local.LiveKitSipConfig;
import dev.sofia.livekit.local.LiveKitSipProcess;
import dev.sofia.livekit.local.RedisProcess;
import dev.sofia.livekit.local.SelfSignedCertificate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real livekit-server per test class, on free loopback ports, with freshly generated keys and its
 * webhooks pointed at the app under test. The app's port is chosen up front (the server's config
 * needs it before Spring starts the app), so use it with {@link LiveKitIntegrationTest}:
 *
 * <pre>{@code
 * @LiveKitIntegrationTest
 * class SomethingTests {
 *     @RegisterExtension
 *     static final LiveKitServerExtension livekit = LiveKitServerExtension.withWebhooksToApp();
 *
 *     @DynamicPropertySource
 *     static void livekit(DynamicPropertyRegistry registry) {
 *         livekit.registerProperties(registry);
 *     }
 * }
 * }</pre>
 *
 * {@link #withRedis()} also starts a Redis and connects the server to it, which LiveKit's SIP API
 * needs. {@link #withSip()} also starts livekit-sip beside it, sharing that Redis, so SIP callers
 * (SIPp) can call in. {@link #withTurnTls()} turns on the server's embedded TURN server over TLS.
 */
public final class LiveKitServerExtension implements BeforeAllCallback, AfterAllCallback {

    private final int appPort = FreePorts.tcp();
    /** The started server's config once it runs (its ports may differ from the ones chosen first). */
    private volatile LiveKitServerConfig config;

    private final boolean redis;
    private final boolean turnTls;
    private final boolean sip;
    private @Nullable RedisProcess redisProcess;
    private @Nullable LiveKitSipProcess sipProcess;
    private @Nullable LiveKitProcess server;
    private @Nullable Path turnDir;
    private @Nullable SelfSignedCertificate turnCertificate;

    private LiveKitServerExtension(LiveKitServerConfig config, boolean redis, boolean turnTls, boolean sip) {
        this.config = config;
        this.redis = redis;
        this.turnTls = turnTls;
        this.sip = sip;
    }

    public static LiveKitServerExtension withWebhooksToApp() {
        return new LiveKitServerExtension(LiveKitServerConfig.onFreePorts(), false, false, false);
    }

    public LiveKitServerExtension withRedis() {
        return new LiveKitServerExtension(config, true, turnTls, sip);
    }

    /** With Redis and livekit-sip (LiveKit SIP) sharing it, on loopback: phone calls can come in. */
    public LiveKitServerExtension withSip() {
        return new LiveKitServerExtension(config, true, turnTls, true);
    }

    /**
     * With the embedded TURN server over TLS, for relay-only browsers: its domain is this host's
     * first non-loopback IPv4 address and its certificate a self-signed one for that address
     * ({@link #turnCertificate()}). Not loopback, because with TURN on the server offers no
     * loopback candidate (see {@link LiveKitServerConfig#withTurn()}) and the relay must reach
     * the server's host candidates; the TURN listener binds all interfaces (livekit-server's
     * default), everything else stays on loopback. Test classes are skipped on a host without
     * such an address.
     */
    public LiveKitServerExtension withTurnTls() {
        return new LiveKitServerExtension(config, redis, true, sip);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LiveKitServerConfig effective =
                config.withWebhookUrls(List.of("http://127.0.0.1:" + appPort + "/api/livekit/webhook"));
        if (redis) {
            redisProcess = RedisProcess.start();
            effective = effective.withRedis(redisProcess.address());
        }
        if (turnTls) {
            Optional<Inet4Address> host = hostAddress();
            Assumptions.assumeTrue(host.isPresent(), "TURN needs a non-loopback IPv4 address on this host");
            turnDir = privateTempDirectory();
            turnCertificate = SelfSignedCertificate.generate(turnDir, host.get());
            effective = effective.withTurnTls(
                    host.get().getHostAddress(), turnCertificate.certFile(), turnCertificate.keyFile());
        }
        server = LiveKitProcess.start(effective);
        config = server.config();
        if (sip && redisProcess != null) {
            sipProcess = LiveKitSipProcess.start(LiveKitSipConfig.forServer(config, redisProcess.address()));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (sipProcess != null) {
            sipProcess.close();
        }
        if (server != null) {
            server.close();
        }
        if (redisProcess != null) {
            redisProcess.close();
        }
        if (turnDir != null) {
            deleteRecursively(turnDir);
        }
    }

    /** Points the app at this server and pins its HTTP port to the one the webhooks go to. */
    public void registerProperties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> appPort);
        registry.add("sofia.livekit.url", () -> config.wsUrl());
        registry.add("sofia.livekit.api-key", () -> config.apiKey());
        registry.add("sofia.livekit.api-secret", () -> config.apiSecret());
    }

    public LiveKitServerConfig config() {
        return config;
    }

    public String url() {
        return config.wsUrl();
    }

    public int appPort() {
        return appPort;
    }

    /** The TURN/TLS certificate, once {@code beforeAll} made it ({@link #withTurnTls()} only). */
    public SelfSignedCertificate turnCertificate() {
        if (turnCertificate == null) {
            throw new IllegalStateException("no TURN/TLS: use withTurnTls(); the certificate is made in beforeAll");
        }
        return turnCertificate;
    }

    /** The running livekit-sip ({@link #withSip()} only). */
    public LiveKitSipProcess sip() {
        if (sipProcess == null) {
            throw new IllegalStateException("no livekit-sip: use withSip(); it starts in beforeAll");
        }
        return sipProcess;
    }

    /** The running server (for its output when a test fails). */
    public LiveKitProcess server() {
        if (server == null) {
            throw new IllegalStateException("the LiveKit server starts in beforeAll");
        }
        return server;
    }

    private static Optional<Inet4Address> hostAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback()) {
                    for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                        if (address instanceof Inet4Address ipv4 && !ipv4.isLinkLocalAddress()) {
                            return Optional.of(ipv4);
                        }
                    }
                }
            }
            return Optional.empty();
        } catch (SocketException e) {
            throw new UncheckedIOException("could not list this host's network interfaces", e);
        }
    }

    private static Path privateTempDirectory() {
        try {
            return Files.createTempDirectory(
                    "sofia-turn-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create a directory for the TURN certificate", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // a few bytes left in the temporary directory; nothing a test needs to fail for
        }
    }
}
