package dev.sofia.agents.livekit.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.livekit.Room;
import dev.sofia.agents.livekit.RoomOptions;
import dev.sofia.agents.livekit.testing.LocalLiveKit;
import dev.sofia.agents.livekit.testing.TestTokens;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SIGTERM of a standalone worker in its own JVM ({@link StandaloneWorker} on the test class path):
 * the shutdown hook drains, the running job finishes on its own, then the JVM exits.
 */
class WorkerShutdownIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final LocalLiveKit server = LocalLiveKit.onFreePorts();

    @Test
    void sigtermDrainsLetsTheRunningJobFinishAndExits() throws Exception {
        LiveKitServerConfig config = server.config();
        Path output = Files.createTempFile("sofia-standalone-worker-", ".log");
        Process child = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--enable-native-access=ALL-UNNAMED",
                        "-cp",
                        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                        StandaloneWorker.class.getName(),
                        server.url(),
                        config.apiKey(),
                        config.apiSecret(),
                        "sofia-sigterm")
                .redirectErrorStream(true)
                // a file, not a pipe: Process.destroy() closes our end of the pipes
                .redirectOutput(output.toFile())
                .start();
        try {
            awaitLine(output, "REGISTERED");
            String jobId;
            String room = "room-" + UUID.randomUUID();
            new AgentDispatchApi(config).create(room, "sofia-sigterm", "");
            try (Room caller = Room.connect(
                    server.url(),
                    TestTokens.join(config, room, "caller"),
                    RoomOptions.defaults().withServerIceServers(false))) {
                jobId = awaitLine(output, "JOB_STARTED ").substring("JOB_STARTED ".length());

                child.destroy(); // SIGTERM

                awaitLine(output, "STATE DRAINING");
                assertThat(child.isAlive())
                        .as("the JVM waits for the running job")
                        .isTrue();
                assertThat(lines(output)).noneMatch(line -> line.startsWith("JOB_FINISHED"));
                caller.disconnect(); // the job's end condition

                awaitLine(output, "JOB_FINISHED " + jobId);
            }
            assertThat(child.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue()).isEqualTo(143); // 128 + SIGTERM, after the hooks ran
            List<String> lines = lines(output);
            assertThat(lines.indexOf("STATE DRAINING"))
                    .as("draining began before the job finished")
                    .isLessThan(lines.indexOf("JOB_FINISHED " + jobId));
        } finally {
            child.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private static List<String> lines(Path output) {
        try {
            return Files.readAllLines(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line containing {@code text} (from there on), waiting for it. */
    private static String awaitLine(Path output, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            List<String> lines = lines(output);
            for (String line : lines) {
                int at = line.indexOf(text);
                if (at >= 0) {
                    return line.substring(at).trim();
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("child printed no \"" + text + "\" within " + WAIT + ":\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            Thread.sleep(20);
        }
    }
}
