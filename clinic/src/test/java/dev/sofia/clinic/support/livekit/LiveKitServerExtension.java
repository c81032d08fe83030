package dev.sofia.clinic.support.livekit;

import dev.sofia.livekit.local.FreePorts;
import dev.sofia.livekit.local.LiveKitProcess;
import dev.sofia.livekit.local.LiveKitServerConfig;
import dev.sofia.livekit.local.RedisProcess;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
 * needs.
 */
public final class LiveKitServerExtension implements BeforeAllCallback, AfterAllCallback {

    private final int appPort = FreePorts.tcp();
    /** The started server's config once it runs (its ports may differ from the ones chosen first). */
    private volatile LiveKitServerConfig config;

    private final boolean redis;
    private @Nullable RedisProcess redisProcess;
    private @Nullable LiveKitProcess server;

    private LiveKitServerExtension(LiveKitServerConfig config, boolean redis) {
        this.config = config;
        this.redis = redis;
    }

    public static LiveKitServerExtension withWebhooksToApp() {
        return new LiveKitServerExtension(LiveKitServerConfig.onFreePorts(), false);
    }

    public LiveKitServerExtension withRedis() {
        return new LiveKitServerExtension(config, true);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LiveKitServerConfig effective =
                config.withWebhookUrls(List.of("http://127.0.0.1:" + appPort + "/api/livekit/webhook"));
        if (redis) {
            redisProcess = RedisProcess.start();
            effective = effective.withRedis(redisProcess.address());
        }
        server = LiveKitProcess.start(effective);
        config = server.config();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
        if (redisProcess != null) {
            redisProcess.close();
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

    /** The running server (for its output when a test fails). */
    public LiveKitProcess server() {
        if (server == null) {
            throw new IllegalStateException("the LiveKit server starts in beforeAll");
        }
        return server;
    }
}
