package dev.sofia.agents.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.audio.ToneGenerator;
import dev.sofia.agents.livekit.testing.PythonPeer;
import dev.sofia.agents.livekit.testing.TestTokens;
import dev.sofia.livekit.local.LiveKitProcess;
import dev.sofia.livekit.local.LiveKitServerConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.management.ObjectName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Connect, hear, speak, disconnect — many times — and check that nothing piles up: platform threads
 * (each room has libwebrtc threads, a pacer and the audio module's thread), open file descriptors
 * (sockets, the native library's handles), closed rooms on the Java heap, and native memory: resident
 * memory outside the Java heap (the module's tests pre-touch the heap, so it is all resident) must
 * not grow by more than {@value #MAX_GROWTH_KIB_PER_CYCLE} KiB per cycle on average after {@value
 * #DEFAULT_WARM_UP} warm-up cycles (glibc's arenas keep what they once needed) — webrtc-java's
 * unreleased peer connections grew it by about 1 MB per cycle (see {@link NativeRelease}). The
 * suite runs {@value #DEFAULT_CYCLES} measured cycles; {@code -Dsofia.livekit.cycles=1000} for the
 * long run ({@code -Dsofia.livekit.warmup=N} to change the warm-up).
 */
class RoomCleanupIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int DEFAULT_CYCLES = 60;
    private static final int DEFAULT_WARM_UP = 150;
    private static final int CYCLES = Integer.getInteger("sofia.livekit.cycles", DEFAULT_CYCLES);
    private static final int WARM_UP = Integer.getInteger("sofia.livekit.warmup", DEFAULT_WARM_UP);
    /**
     * Generous: a leaked connected peer connection cost about 1,000 KiB per cycle; without leaks
     * the 60 cycles after a 150-cycle warm-up measured 30 to 112 KiB per cycle (glibc's arenas still
     * settling), 1,000 cycles about 20.
     */
    private static final int MAX_GROWTH_KIB_PER_CYCLE = 200;
    /** Room-independent threads may still be winding down (HTTP client, GC, JIT); a little slack. */
    private static final int THREAD_SLACK = 4;

    private static final int FD_SLACK = 8;

    private static LiveKitProcess server;

    @BeforeAll
    static void startServer() {
        PythonPeer.python();
        server = LiveKitProcess.start(LiveKitServerConfig.onFreePorts());
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
            // -Dsofia.livekit.holdStack=true: keep the shared factory across cycles, as overlapping
            // calls do (by default every cycle creates and disposes it, as one call at a time does).
            WebRtcStack held = Boolean.getBoolean("sofia.livekit.holdStack") ? WebRtcStack.acquire() : null;
            try {
                Memory start = Memory.now();
                // Warm-up: loads the native library, starts shared client threads, lets glibc's
                // arenas and the JIT reach their working size (measured: native memory grows for
                // the first 150 to 300 cycles, then stays flat).
                for (int i = 0; i < WARM_UP; i++) {
                    cycle(room, "sofia-warm-up-" + i);
                }
                settle();
                int threadsBefore = platformThreads();
                long fdsBefore = openFileDescriptors();
                Memory before = Memory.now();
                long releasedBefore = NativeRelease.releasedCount();
                long stillReferencedBefore = NativeRelease.stillReferencedCount();

                List<WeakReference<Room>> closedRooms = new ArrayList<>();
                for (int i = 0; i < CYCLES; i++) {
                    closedRooms.add(new WeakReference<>(cycle(room, "sofia-" + i)));
                    if ((i + 1) % 100 == 0) {
                        System.out.printf("after %d measured cycles: %s%n", i + 1, Memory.now());
                    }
                }
                settle();
                int threadsAfter = platformThreads();
                long fdsAfter = openFileDescriptors();
                Memory after = Memory.now();
                long released = NativeRelease.releasedCount() - releasedBefore;
                long stillReferenced = NativeRelease.stillReferencedCount() - stillReferencedBefore;
                long growth = after.nativeKib() - before.nativeKib();
                long roomsStillReachable =
                        closedRooms.stream().filter(ref -> ref.get() != null).count();

                System.out.printf(
                        "%d warm-up + %d cycles: platform threads %d -> %d, open fds %d -> %d%n"
                                + "  start:        %s%n  after warm-up: %s%n  end:          %s%n"
                                + "  native growth %+.1f KiB per measured cycle; native references released %d"
                                + " (%d still held elsewhere); closed rooms still reachable: %d%n",
                        WARM_UP,
                        CYCLES,
                        threadsBefore,
                        threadsAfter,
                        fdsBefore,
                        fdsAfter,
                        start,
                        before,
                        after,
                        growth / (double) CYCLES,
                        released,
                        stillReferenced,
                        roomsStillReachable);
                assertThat(threadsAfter).isLessThanOrEqualTo(threadsBefore + THREAD_SLACK);
                assertThat(fdsAfter).isLessThanOrEqualTo(fdsBefore + FD_SLACK);
                assertThat(growth)
                        .as("native memory growth in KiB over %d cycles", CYCLES)
                        .isLessThan((long) MAX_GROWTH_KIB_PER_CYCLE * CYCLES);
                // Per cycle: two peer connections, our two data channels and the server's, the
                // sender and the track of the published audio, each the last reference to its object.
                assertThat(released).as("native references released").isGreaterThanOrEqualTo(6L * CYCLES);
                assertThat(stillReferenced)
                        .as("released references that were not the last")
                        .isZero();
                // Java side: nothing (e.g. a JNI global reference to an observer) keeps a closed room.
                assertThat(roomsStillReachable)
                        .as("closed rooms still reachable after a full GC")
                        .isZero();
            } finally {
                if (held != null) {
                    held.release();
                }
            }
        }
    }

    /** One full life: join, receive the peer's tone, publish and play 200 ms, leave. */
    private static Room cycle(String room, String identity) throws InterruptedException {
        // A fresh identity per cycle, as each agent job has: reusing one makes the server replace a
        // participant that may still be leaving, which is a different test.
        String token = TestTokens.join(server.config(), room, identity);
        RoomEvents events = new RoomEvents();
        Room client = Room.connect(server.url(), token, RoomOptions.defaults().withServerIceServers(false), events);
        try (client) {
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
        return client;
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
        Thread.sleep(500);
        System.gc();
        Thread.sleep(200);
    }

    private static int platformThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    /**
     * Resident memory, the committed heap, and the JVM's own committed memory as native memory
     * tracking counts it (heap, metaspace, code cache, GC, compiler, thread stacks; -1 without
     * {@code -XX:NativeMemoryTracking}). The module's tests run with {@code -XX:+AlwaysPreTouch}, so
     * the committed heap is resident and {@code RSS - heap} is native memory: libwebrtc's, glibc's
     * and the JVM's own outside the heap (reported apart; its committed size moves by megabytes as
     * the JIT frees arenas, too noisy to subtract).
     */
    private record Memory(long rssKib, long jvmKib, long heapKib) {
        static Memory now() throws IOException {
            return new Memory(
                    residentKib(),
                    jvmCommittedKib(),
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 10);
        }

        long nativeKib() {
            return rssKib - heapKib;
        }

        @Override
        public String toString() {
            return String.format(
                    "RSS %d MiB, heap %d MiB, outside the heap %d MiB (JVM's own non-heap %d MiB)",
                    rssKib >> 10, heapKib >> 10, nativeKib() >> 10, (jvmKib - heapKib) >> 10);
        }
    }

    private static long residentKib() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(-1);
    }

    private static long jvmCommittedKib() {
        try {
            Object summary = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "vmNativeMemory",
                            new Object[] {new String[] {"summary", "scale=KB"}},
                            new String[] {String[].class.getName()});
            Matcher total = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB")
                    .matcher(String.valueOf(summary));
            return total.find() ? Long.parseLong(total.group(1)) : -1;
        } catch (Exception e) {
            return -1; // tracking is off
        }
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
