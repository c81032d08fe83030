package dev.sofia.bench;

import dev.sofia.livekit.local.FreePorts;
import dev.sofia.livekit.local.LiveKitProcess;
import dev.sofia.livekit.local.LiveKitServerConfig;
import dev.sofia.livekit.local.LiveKitSipConfig;
import dev.sofia.livekit.local.LiveKitSipProcess;
import dev.sofia.livekit.local.RedisProcess;
import java.util.List;

/**
 * What a phone call needs besides the app, as clinic's {@code LiveKitServerExtension.withSip()}
 * starts it for the phone tests: Redis, a livekit-server using it with its webhooks pointed at the
 * app's port (chosen here, before the app starts, since the server's config names it), and
 * livekit-sip sharing the Redis and the API key. All on loopback and free ports; closed in reverse.
 */
final class PhoneParts implements AutoCloseable {

    private final int appPort;
    private final RedisProcess redis;
    private final LiveKitProcess server;
    private final LiveKitSipProcess sip;

    private PhoneParts(int appPort, RedisProcess redis, LiveKitProcess server, LiveKitSipProcess sip) {
        this.appPort = appPort;
        this.redis = redis;
        this.server = server;
        this.sip = sip;
    }

    static PhoneParts start() {
        int appPort = FreePorts.tcp();
        RedisProcess redis = RedisProcess.start();
        LiveKitProcess server = null;
        try {
            server = LiveKitProcess.start(LiveKitServerConfig.onFreePorts()
                    .withWebhookUrls(List.of("http://127.0.0.1:" + appPort + "/api/livekit/webhook"))
                    .withRedis(redis.address()));
            LiveKitSipProcess sip =
                    LiveKitSipProcess.start(LiveKitSipConfig.forServer(server.config(), redis.address()));
            return new PhoneParts(appPort, redis, server, sip);
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            redis.close();
            throw e;
        }
    }

    /** The port the app must listen on: livekit-server's webhooks go there. */
    int appPort() {
        return appPort;
    }

    LiveKitServerConfig server() {
        return server.config();
    }

    /** Where SIPp sends its INVITEs ({@code host:port}). */
    String sipAddress() {
        return sip.config().sipAddress();
    }

    /**
     * livekit-sip's latest warnings and errors, for a failed step (why it refused a call: its
     * debug lines of ended calls would bury that).
     */
    String sipProblems(int lines) {
        List<String> all = sip.output()
                .lines()
                .filter(l -> l.contains("\tWARN\t") || l.contains("\tERROR\t"))
                .map(l -> l.length() > 600 ? l.substring(0, 600) + " …" : l)
                .toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() {
        sip.close();
        server.close();
        redis.close();
    }
}
