package dev.sofia.livekit.local.deployment;

import dev.sofia.livekit.local.LiveKitBinary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real livekit-server started with a config file as production starts it ({@code --config},
 * no {@code --dev}), its API keys in {@code LIVEKIT_KEYS} and the webhook key name in {@code
 * LIVEKIT_WEBHOOK_API_KEY}, exactly the variables deploy/compose.yaml sets. The file goes into the
 * given private directory; the server's output goes next to it.
 */
final class ConfiguredLiveKitServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final Path log;
    private final String httpUrl;

    private ConfiguredLiveKitServer(Process process, Path log, String httpUrl) {
        this.process = process;
        this.log = log;
        this.httpUrl = httpUrl;
    }

    /**
     * @param config the adjusted config (see {@link YamlFile})
     * @param keys {@code LIVEKIT_KEYS}: "key: secret" lines
     * @param webhookKey the key name that signs webhooks
     * @param host where the signal port answers, for the readiness probe
     */
    static ConfiguredLiveKitServer start(
            Path dir, Map<String, Object> config, String keys, String webhookKey, String host) {
        Path binary = LiveKitBinary.locate(System.getenv("LIVEKIT_SERVER_BIN"));
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("livekit-server not found at " + binary + "; run scripts/setup.sh");
        }
        Path file = dir.resolve("livekit.yaml");
        Path log = dir.resolve("livekit-server.log");
        Process process;
        try {
            Files.writeString(file, YamlFile.write(config), StandardCharsets.UTF_8);
            ProcessBuilder builder = new ProcessBuilder(binary.toString(), "--config", file.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("LIVEKIT_KEYS", keys);
            builder.environment().put("LIVEKIT_WEBHOOK_API_KEY", webhookKey);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ConfiguredLiveKitServer server =
                new ConfiguredLiveKitServer(process, log, "http://" + host + ":" + config.get("port"));
        server.awaitReady();
        return server;
    }

    String httpUrl() {
        return httpUrl;
    }

    String wsUrl() {
        return httpUrl.replaceFirst("^http", "ws");
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    private void awaitReady() {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("livekit-server exited with " + process.exitValue() + ":\n" + output());
            }
            try {
                HttpRequest probe = HttpRequest.newBuilder(URI.create(httpUrl + "/"))
                        .timeout(Duration.ofSeconds(1))
                        .build();
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("livekit-server did not answer on " + httpUrl + ":\n" + output());
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
