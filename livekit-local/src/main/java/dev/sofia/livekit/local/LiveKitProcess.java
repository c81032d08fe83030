package dev.sofia.livekit.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code livekit-server} child process in development mode, bound to loopback, with a config
 * file generated from {@link LiveKitServerConfig}, kept private by {@link ChildProcess} (it holds
 * the API secrets) together with the server's output, {@code livekit-server.log}.
 */
public final class LiveKitProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveKitProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final LiveKitServerConfig config;
    private final ChildProcess process;

    private LiveKitProcess(LiveKitServerConfig config, ChildProcess process) {
        this.config = config;
        this.process = process;
    }

    /**
     * Starts the installed server ({@code LIVEKIT_SERVER_BIN} if set, else where setup.sh puts it):
     * what every test needs.
     */
    public static LiveKitProcess start(LiveKitServerConfig config) {
        return start(LiveKitBinary.locate(System.getenv("LIVEKIT_SERVER_BIN")), config);
    }

    /**
     * Starts the server and returns once it answers HTTP on its port. A free port can be taken by
     * another process between choosing it and the server binding it; then the server is started
     * again on freshly chosen ports (a few times), so read the ports and URL from {@link #config()},
     * not from the config passed in. Use {@link #startOnPorts} when the ports were already handed
     * out.
     */
    public static LiveKitProcess start(Path binary, LiveKitServerConfig config) {
        return ChildProcess.withPortRetries(
                "livekit-server",
                config,
                attempt -> startOnPorts(binary, attempt),
                LiveKitServerConfig::withFreshPorts);
    }

    /** Starts the server on exactly the config's ports and returns once it answers HTTP. */
    public static LiveKitProcess startOnPorts(Path binary, LiveKitServerConfig config) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("livekit-server not found or not executable at " + binary
                    + "; run scripts/setup.sh to install it, or set LIVEKIT_URL to use a running server");
        }
        ChildProcess process = ChildProcess.start(
                "livekit-server",
                "livekit.yaml",
                config.toYaml(),
                configFile -> new ProcessBuilder(
                        binary.toString(), "--dev", "--config", configFile.toString(), "--bind", "127.0.0.1"));
        LiveKitProcess started = new LiveKitProcess(config, process);
        started.awaitReady();
        log.info(
                "livekit-server started on {} (pid {}, rtc tcp {}, udp {})",
                config.httpUrl(),
                process.pid(),
                config.rtcTcpPort(),
                config.udpPort());
        return started;
    }

    public LiveKitServerConfig config() {
        return config;
    }

    /** The {@code ws://} URL clients and SDKs connect to. */
    public String url() {
        return config.wsUrl();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The server's output so far (for diagnosing a failed test). */
    public String output() {
        return process.output();
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(config.httpUrl() + "/"))
                .timeout(Duration.ofSeconds(1))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        @Nullable Exception lastError = null;
        while (Instant.now().isBefore(deadline)) {
            process.failIfExited();
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                lastError = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.close();
                throw new IllegalStateException("interrupted while waiting for livekit-server", e);
            }
            ChildProcess.sleep(Duration.ofMillis(50));
        }
        throw process.startFailure("did not answer on " + config.httpUrl() + " within " + START_TIMEOUT.toSeconds()
                + " s (last error: " + lastError + ")");
    }

    /** Stops the server (SIGTERM, then SIGKILL after a grace period) and deletes its files. */
    @Override
    public void close() {
        process.close();
    }
}
