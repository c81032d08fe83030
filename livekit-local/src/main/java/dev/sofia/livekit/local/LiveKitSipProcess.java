package dev.sofia.livekit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code livekit-sip} child process (LiveKit SIP: phone calls into LiveKit rooms), installed by
 * scripts/setup.sh. Its config (it holds the API secret) and its output, {@code livekit-sip.log},
 * are kept private by {@link ChildProcess}. Ready when its
 * health endpoint answers 200, which it does once it has connected to Redis and registered its
 * psrpc handlers there — what livekit-server needs to hand it SIP work.
 *
 * <p>livekit-sip v1.8.0 binds its health, metrics and RTP ports on all interfaces (not
 * configurable); SIP itself listens on {@code listen_ip} (127.0.0.1 in {@link LiveKitSipConfig}).
 */
public final class LiveKitSipProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveKitSipProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final ChildProcess process;
    private final int healthPort;
    private final @Nullable LiveKitSipConfig config;

    private LiveKitSipProcess(ChildProcess process, int healthPort, @Nullable LiveKitSipConfig config) {
        this.process = process;
        this.healthPort = healthPort;
        this.config = config;
    }

    /** Where setup.sh installs livekit-sip ({@code LIVEKIT_SIP_BIN} overrides it). */
    public static Path binary() {
        return LiveKitBinary.locate("livekit-sip", System.getenv("LIVEKIT_SIP_BIN"));
    }

    /**
     * Starts livekit-sip with a generated config, again on fresh ports if one was taken meanwhile;
     * read the ports from {@link #config()}.
     */
    public static LiveKitSipProcess start(LiveKitSipConfig config) {
        return ChildProcess.withPortRetries(
                "livekit-sip",
                config,
                attempt -> start(binary(), attempt.toYaml(), Map.of(), attempt.healthPort(), attempt),
                LiveKitSipConfig::withFreshPorts);
    }

    /**
     * Starts livekit-sip with exactly this config file content (e.g. deploy/sip.yaml adjusted for a
     * test host) and extra environment (livekit-sip reads {@code LIVEKIT_API_KEY} and {@code
     * LIVEKIT_API_SECRET} when the file names no key), and returns once {@code healthPort} answers.
     */
    public static LiveKitSipProcess start(
            Path binary, String configBody, Map<String, String> environment, int healthPort) {
        return start(binary, configBody, environment, healthPort, null);
    }

    private static LiveKitSipProcess start(
            Path binary,
            String configBody,
            Map<String, String> environment,
            int healthPort,
            @Nullable LiveKitSipConfig config) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("livekit-sip not found or not executable at " + binary
                    + "; run scripts/test.sh (or source " + "scripts/setup.sh and call ensure_test_peers) to build it");
        }
        ChildProcess process = ChildProcess.start("livekit-sip", "sip.yaml", configBody, configFile -> {
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), "--config", configFile.toString());
            // only what the test asks for: keys from the developer's shell must not leak in
            builder.environment().remove("LIVEKIT_API_KEY");
            builder.environment().remove("LIVEKIT_API_SECRET");
            builder.environment().remove("LIVEKIT_WS_URL");
            builder.environment().putAll(environment);
            return builder;
        });
        LiveKitSipProcess started = new LiveKitSipProcess(process, healthPort, config);
        started.awaitHealthy();
        log.info("livekit-sip started (pid {}, {})", process.pid(), config == null ? "health " + healthPort : config);
        return started;
    }

    /** The generated config it runs with (not for a process started from a given file). */
    public LiveKitSipConfig config() {
        if (config == null) {
            throw new IllegalStateException("started from a given config file");
        }
        return config;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public URI healthUrl() {
        return URI.create("http://127.0.0.1:" + healthPort + "/");
    }

    /** The status code of {@code GET /} on the health port, or -1 when nothing answers. */
    public int health() {
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest probe = HttpRequest.newBuilder(healthUrl())
                    .timeout(Duration.ofSeconds(2))
                    .build();
            return http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Its Prometheus metrics as text ({@link LiveKitSipConfig#prometheusPort()}). */
    public String metrics() {
        try (HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build()) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + config().prometheusPort() + "/metrics"))
                    .timeout(Duration.ofSeconds(5))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException("livekit-sip's metrics did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Its output so far (for diagnosing a failed test). */
    public String output() {
        return process.output();
    }

    private void awaitHealthy() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            process.failIfExited();
            last = health();
            if (last == 200) {
                return;
            }
            ChildProcess.sleep(Duration.ofMillis(100));
        }
        throw process.startFailure("was not healthy on " + healthUrl() + " within " + START_TIMEOUT.toSeconds()
                + " s (last status " + last + ")");
    }

    /** Stops it (SIGTERM, then SIGKILL after a grace period) and deletes its files. */
    @Override
    public void close() {
        process.close();
    }
}
