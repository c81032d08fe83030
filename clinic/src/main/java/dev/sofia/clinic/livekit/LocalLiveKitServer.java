package dev.sofia.clinic.livekit;

import dev.sofia.livekit.local.LiveKitBinary;
import dev.sofia.livekit.local.LiveKitProcess;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

/**
 * The embedded default: with no {@code LIVEKIT_URL}, Sofia runs its own {@code livekit-server} in
 * development mode on free loopback ports, sends its webhooks to itself, and stops it on shutdown.
 * It starts after the web server (a later lifecycle phase), because its webhook URL needs the port
 * the app actually got, and it stops before the web server does; the agent worker starts after it
 * and stops before it ({@link #PHASE}).
 */
final class LocalLiveKitServer implements SmartLifecycle {

    /** After the web server and its graceful shutdown, before the agent worker (Integer.MAX_VALUE). */
    public static final int PHASE = Integer.MAX_VALUE - 512;

    private final LiveKitServerConfig config = LiveKitServerConfig.onFreePorts();
    private final ApplicationContext context;
    private final @Nullable String binary;
    private volatile @Nullable LiveKitProcess process;

    LocalLiveKitServer(ApplicationContext context, @Nullable String binary) {
        this.context = context;
        this.binary = binary;
    }

    LiveKitConnection connection() {
        return new LiveKitConnection(config.wsUrl(), config.apiKey(), config.apiSecret(), java.util.Map.of());
    }

    @Override
    public void start() {
        // Exactly these ports: the clients were built with this URL before the server started.
        process = LiveKitProcess.startOnPorts(LiveKitBinary.locate(binary), config.withWebhookUrls(webhookUrls()));
    }

    // Without a web server (a worker-only role) there is no one to receive webhooks.
    private List<String> webhookUrls() {
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            return List.of("http://127.0.0.1:" + web.getWebServer().getPort() + "/api/livekit/webhook");
        }
        return List.of();
    }

    @Override
    public void stop() {
        LiveKitProcess running = process;
        if (running != null) {
            running.close();
            process = null;
        }
    }

    @Override
    public boolean isRunning() {
        return process != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
