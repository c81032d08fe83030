package dev.sofia.livekit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@code livekit-server} child process in development mode, bound to loopback, with a config
 * file generated from {@link LiveKitServerConfig}. The config goes into a private temporary file,
 * never onto the command line, because {@code ps} shows command lines and the file holds API
 * secrets. Output goes to {@code livekit-server.log} next to it, so a failed start can quote it.
 */
public final class LiveKitProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LiveKitProcess.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int PORT_ATTEMPTS = 3;

    private final LiveKitServerConfig config;
    private final Path workDir;
    private final Process process;

    private LiveKitProcess(LiveKitServerConfig config, Path workDir, Process process) {
        this.config = config;
        this.workDir = workDir;
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
     * again on freshly chosen ports (up to {@value #PORT_ATTEMPTS} times), so read the ports and
     * URL from {@link #config()}, not from the config passed in. Use {@link #startOnPorts} when the
     * ports were already handed out.
     */
    public static LiveKitProcess start(Path binary, LiveKitServerConfig config) {
        LiveKitServerConfig attempt = config;
        for (int i = 1; ; i++) {
            try {
                return startOnPorts(binary, attempt);
            } catch (IllegalStateException e) {
                if (i == PORT_ATTEMPTS || !String.valueOf(e.getMessage()).contains("address already in use")) {
                    throw e;
                }
                log.warn("livekit-server could not bind a port that was free a moment ago; retrying on other ports");
                attempt = attempt.withFreshPorts();
            }
        }
    }

    /** Starts the server on exactly the config's ports and returns once it answers HTTP. */
    public static LiveKitProcess startOnPorts(Path binary, LiveKitServerConfig config) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("livekit-server not found or not executable at " + binary
                    + "; run scripts/setup.sh to install it, or set LIVEKIT_URL to use a running server");
        }
        Path workDir;
        Process process;
        try {
            workDir = Files.createTempDirectory(
                    "sofia-livekit-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path configFile = workDir.resolve("livekit.yaml");
            Files.writeString(configFile, config.toYaml(), StandardCharsets.UTF_8);
            process = new ProcessBuilder(
                            binary.toString(), "--dev", "--config", configFile.toString(), "--bind", "127.0.0.1")
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("livekit-server.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start livekit-server at " + binary, e);
        }
        LiveKitProcess started = new LiveKitProcess(config, workDir, process);
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
        try {
            return Files.readString(workDir.resolve("livekit-server.log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
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
            if (!process.isAlive()) {
                String output = tail(output());
                close();
                throw new IllegalStateException(
                        "livekit-server exited with code " + process.exitValue() + " during start-up:\n" + output);
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                lastError = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                close();
                throw new IllegalStateException("interrupted while waiting for livekit-server", e);
            }
            sleep(Duration.ofMillis(50));
        }
        String output = tail(output());
        close();
        throw new IllegalStateException("livekit-server did not answer on " + config.httpUrl() + " within "
                + START_TIMEOUT.toSeconds() + " s (last error: " + lastError + "):\n" + output);
    }

    /** Stops the server (SIGTERM, then SIGKILL after a grace period) and deletes its files. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        deleteRecursively(workDir);
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.toList());
            all.sort(Comparator.reverseOrder());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.debug("could not delete {}: {}", dir, e.toString());
        }
    }
}
