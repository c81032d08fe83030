package dev.sofia.agents.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.livekit.audio.ToneGenerator;
import dev.sofia.agents.livekit.testing.PythonPeer;
import dev.sofia.agents.livekit.testing.TestTokens;
import dev.sofia.livekit.local.LiveKitBinary;
import dev.sofia.livekit.local.LiveKitProcess;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connect, hear, speak, disconnect — many times — and check that nothing piles up: platform threads
 * (each room has libwebrtc threads, a pacer and the audio module's thread) and open file descriptors
 * (sockets, the native library's handles). Runs 5 cycles in the normal suite; {@code
 * -Dsofia.livekit.cycles=1000} for the long run.
 */
class RoomCleanupIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int CYCLES = Integer.getInteger("sofia.livekit.cycles", 5);
    /** Room-independent threads may still be winding down (HTTP client, GC, JIT); a little slack. */
    private static final int THREAD_SLACK = 4;

    private static final int FD_SLACK = 8;

    private static LiveKitProcess server;

    @BeforeAll
    static void startServer() {
        PythonPeer.python();
        server = LiveKitProcess.start(
                LiveKitBinary.locate(System.getenv("LIVEKIT_SERVER_BIN")), LiveKitServerConfig.onFreePorts());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void repeatedConnectAndDisconnectLeavesNoThreadsOrDescriptorsBehind() throws Exception {
        String room = "room-" + UUID.randomUUID();
        try (PythonPeer peer = PythonPeer.start(
                "caller",
                server.url(),
                TestTokens.join(server.config(), room, "caller"),
                "--tone",
                "440",
                // the peer leaves after 300 s by default; 1,000 cycles take longer
                "--timeout",
                "7200")) {
            peer.awaitEvent("joined", WAIT);
            cycle(room, "sofia-warm-up"); // warm-up: loads the native library, starts shared client threads
            settle();
            int threadsBefore = platformThreads();
            long fdsBefore = openFileDescriptors();
            long rssBefore = residentKib();
            long outsideHeapBefore = rssBefore - heapCommittedKib();

            for (int i = 0; i < CYCLES; i++) {
                cycle(room, "sofia-" + i);
            }
            settle();
            int threadsAfter = platformThreads();
            long fdsAfter = openFileDescriptors();
            long rssAfter = residentKib();
            long outsideHeapAfter = rssAfter - heapCommittedKib();

            // Memory is reported, not asserted: the JVM and glibc keep freed memory around. RSS
            // minus the committed Java heap approximates native memory (libwebrtc, thread stacks).
            System.out.printf(
                    "%d cycles: platform threads %d -> %d, open fds %d -> %d, RSS %d -> %d MiB,"
                            + " RSS outside the Java heap %d -> %d MiB, heap used %d MiB%n",
                    CYCLES,
                    threadsBefore,
                    threadsAfter,
                    fdsBefore,
                    fdsAfter,
                    rssBefore >> 10,
                    rssAfter >> 10,
                    outsideHeapBefore >> 10,
                    outsideHeapAfter >> 10,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20);
            assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore + THREAD_SLACK);
            assertThat(fdsAfter).isLessThanOrEqualTo(fdsBefore + FD_SLACK);
        }
    }

    /** One full life: join, receive the peer's tone, publish and play 200 ms, leave. */
    private static void cycle(String room, String identity) throws InterruptedException {
        // A fresh identity per cycle, as each agent job has: reusing one makes the server replace a
        // participant that may still be leaving, which is a different test.
        String token = TestTokens.join(server.config(), room, identity);
        RoomEvents events = new RoomEvents();
        try (Room client =
                Room.connect(server.url(), token, RoomOptions.defaults().withServerIceServers(false), events)) {
            RoomEvent.TrackSubscribed subscribed;
            try {
                subscribed = events.await(RoomEvent.TrackSubscribed.class, WAIT);
            } catch (AssertionError e) {
                // Keep what the server said about this participant, to tell whose fault it is.
                throw new AssertionError(
                        e.getMessage() + "\nserver log for " + identity + ":\n" + serverLogAbout(identity));
            }
            try (AudioStream stream = subscribed.track().stream(16_000, 1)) {
                assertThat(stream.read(10, TimeUnit.SECONDS)).isNotNull();
            }
            LocalAudioTrack track = client.localParticipant().publishAudio("voice", 48_000, 1);
            track.push("s", new ToneGenerator(660, 0.3, 48_000, 1).next(9_600));
            track.endSegment("s");
            assertThat(track.awaitDrained(WAIT)).isTrue();
        }
        events.await(RoomEvent.Disconnected.class, WAIT);
    }

    private static String serverLogAbout(String identity) {
        List<String> lines = server.output()
                .lines()
                .filter(line -> line.contains(identity) || line.contains("\"" + identity))
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    /** Lets exiting threads finish and closed sockets be reaped before counting. */
    private static void settle() throws InterruptedException {
        System.gc();
        Thread.sleep(500);
    }

    private static int platformThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    private static long heapCommittedKib() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 10;
    }

    private static long residentKib() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(-1);
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
