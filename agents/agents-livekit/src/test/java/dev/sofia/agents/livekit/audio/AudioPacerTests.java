package dev.sofia.agents.livekit.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AudioPacerTests {

    private static AudioFrame numbered(int n) {
        return new AudioFrame(new short[] {(short) n}, 16_000, 1);
    }

    @Test
    void deliversFramesInOrderAndCountsTicks() throws InterruptedException {
        var next = new AtomicInteger();
        List<Integer> delivered = new CopyOnWriteArrayList<>();
        var twenty = new CountDownLatch(20);
        var pacer = new AudioPacer("test", () -> numbered(next.getAndIncrement()), f -> {
            delivered.add((int) f.samples()[0]);
            twenty.countDown();
        });

        pacer.start();
        assertThat(twenty.await(10, TimeUnit.SECONDS)).isTrue();
        pacer.stop();

        assertThat(delivered).hasSizeGreaterThanOrEqualTo(20);
        for (int i = 0; i < delivered.size(); i++) {
            assertThat(delivered.get(i)).isEqualTo(i);
        }
        assertThat(pacer.ticks()).isEqualTo(delivered.size());
    }

    @Test
    void afterStopTheSinkIsNotCalledAgain() throws InterruptedException {
        var calls = new AtomicInteger();
        var started = new CountDownLatch(3);
        var pacer = new AudioPacer("test", () -> numbered(0), f -> {
            calls.incrementAndGet();
            started.countDown();
        });
        pacer.start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        pacer.close();
        int atStop = calls.get();
        Thread.sleep(100);

        assertThat(calls.get()).isEqualTo(atStop);
        assertThat(pacer.ticks()).isEqualTo(atStop);
    }

    @Test
    void aSinkMayStopThePacerItself() throws InterruptedException {
        var calls = new AtomicInteger();
        var stopped = new CountDownLatch(1);
        AudioPacer[] pacer = new AudioPacer[1];
        pacer[0] = new AudioPacer("test", () -> numbered(0), f -> {
            if (calls.incrementAndGet() == 5) {
                pacer[0].close();
                stopped.countDown();
            }
        });
        pacer[0].start();
        assertThat(stopped.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);

        assertThat(calls.get()).isEqualTo(5);
    }

    @Test
    void afterAStallCatchesUpOnlyALimitedBurstAndCountsTheRest() throws InterruptedException {
        var calls = new AtomicInteger();
        var done = new CountDownLatch(1);
        var pacer = new AudioPacer(
                "test",
                () -> numbered(0),
                f -> {
                    int n = calls.incrementAndGet();
                    if (n == 3) {
                        sleep(200); // a stall worth 20 frames
                    } else if (n == 10) {
                        done.countDown();
                    }
                },
                2);
        pacer.start();
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        pacer.stop();

        assertThat(pacer.skippedTicks()).isGreaterThan(0);
        assertThat(pacer.lateTicks()).isGreaterThan(0);
        // the stall spans 20 deadlines: each was either run late or given up
        assertThat(pacer.skippedTicks() + pacer.ticks()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void anExceptionFromTheSinkDoesNotStopPacing() throws InterruptedException {
        var calls = new AtomicInteger();
        var five = new CountDownLatch(5);
        var pacer = new AudioPacer("test", () -> numbered(0), f -> {
            five.countDown();
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
            }
        });
        pacer.start();

        assertThat(five.await(10, TimeUnit.SECONDS)).isTrue();
        pacer.stop();
    }

    @Test
    void pacesAPlayoutBufferIntoTheSinkSampleForSample() throws InterruptedException {
        var sinkFrames = new CopyOnWriteArrayList<AudioFrame>();
        var finished = new CountDownLatch(1);
        AudioFrame speech = new ToneGenerator(440, 0.5, 16_000, 1).next(3_237);
        try (var buffer = new PlayoutBuffer(16_000, 1, p -> finished.countDown())) {
            buffer.push("a", speech);
            buffer.markEndOfSegment("a");
            var pacer = new AudioPacer("test", () -> buffer.nextFrame().audio(), sinkFrames::add);
            pacer.start();
            assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
            pacer.stop();
        }

        assertThat(sinkFrames)
                .hasSizeGreaterThanOrEqualTo(21)
                .allSatisfy(f -> assertThat(f.is10ms()).isTrue());
        short[] played = AudioFrame.concat(sinkFrames).samples();
        assertThat(Arrays.copyOf(played, 3_237)).isEqualTo(speech.samples());
        assertThat(Arrays.copyOfRange(played, 3_237, played.length)).containsOnly((short) 0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
