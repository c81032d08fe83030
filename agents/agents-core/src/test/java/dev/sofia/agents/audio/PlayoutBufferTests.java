package dev.sofia.agents.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.sofia.agents.audio.PlayoutBuffer.Outcome;
import dev.sofia.agents.audio.PlayoutBuffer.PlayoutFrame;
import dev.sofia.agents.audio.PlayoutBuffer.SegmentPlayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlayoutBufferTests {

    /** 16 kHz mono: 160 samples per 10 ms frame. */
    private static final int RATE = 16_000;

    private final BlockingQueue<SegmentPlayout> events = new LinkedBlockingQueue<>();
    private final PlayoutBuffer buffer = new PlayoutBuffer(RATE, 1, events::add);

    @AfterEach
    void close() {
        buffer.close();
    }

    /** Samples 1, 2, 3, … continuing from {@code from}, so their order can be checked. */
    private static short[] ramp(int from, int length) {
        short[] s = new short[length];
        for (int i = 0; i < length; i++) {
            s[i] = (short) (from + i);
        }
        return s;
    }

    private SegmentPlayout nextEvent() throws InterruptedException {
        SegmentPlayout event = events.poll(10, TimeUnit.SECONDS);
        assertThat(event).as("playout notification").isNotNull();
        return event;
    }

    @Test
    void cutsUnevenPushesIntoExactTenMillisecondFramesInOrder() {
        buffer.push("a", ramp(1, 100));
        buffer.push("a", ramp(101, 250));
        buffer.push("a", new AudioFrame(ramp(351, 50), RATE, 1));

        List<Short> played = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            PlayoutFrame frame = buffer.nextFrame();
            assertThat(frame.audio().is10ms()).isTrue();
            assertThat(frame.audio().sampleRate()).isEqualTo(RATE);
            for (short s : frame.audio().samples()) {
                played.add(s);
            }
            assertThat(frame.audioSamples()).isEqualTo(i < 2 ? 160 : 80);
        }

        assertThat(played.subList(0, 400)).isEqualTo(toList(ramp(1, 400)));
        assertThat(played.subList(400, 480)).containsOnly((short) 0);
        assertThat(buffer.queuedSamples()).isZero();
    }

    @Test
    void returnsFlaggedSilenceWhenEmpty() {
        PlayoutFrame frame = buffer.nextFrame();

        assertThat(frame.isSilence()).isTrue();
        assertThat(frame.audio()).isEqualTo(AudioFrame.silence10ms(RATE, 1));
        buffer.push("a", ramp(1, 10));
        assertThat(buffer.nextFrame().isSilence()).isFalse();
        assertThat(buffer.nextFrame().isSilence()).isTrue();
    }

    @Test
    void playsSegmentsBackToBackAndReportsThemFinishedInOrder() throws InterruptedException {
        buffer.push("a", ramp(1, 200));
        buffer.markEndOfSegment("a");
        buffer.push("b", ramp(201, 100));
        buffer.markEndOfSegment("b");

        PlayoutFrame first = buffer.nextFrame();
        PlayoutFrame second = buffer.nextFrame();

        assertThat(first.audio().samples()).containsExactly(ramp(1, 160));
        assertThat(second.audio().samples()).startsWith(ramp(161, 140));
        assertThat(nextEvent()).isEqualTo(new SegmentPlayout("a", 200, 200, RATE, Outcome.FINISHED));
        assertThat(nextEvent()).isEqualTo(new SegmentPlayout("b", 100, 100, RATE, Outcome.FINISHED));
    }

    @Test
    void aSegmentFinishesOnlyOnceItIsMarkedEnded() throws InterruptedException {
        buffer.push("a", ramp(1, 160));
        buffer.nextFrame();
        buffer.nextFrame();
        assertThat(events.poll(50, TimeUnit.MILLISECONDS)).isNull();

        buffer.markEndOfSegment("a");
        buffer.markEndOfSegment("empty");

        assertThat(nextEvent()).isEqualTo(new SegmentPlayout("a", 160, 160, RATE, Outcome.FINISHED));
        assertThat(nextEvent()).isEqualTo(new SegmentPlayout("empty", 0, 0, RATE, Outcome.FINISHED));
        buffer.push("c", ramp(1, 10));
        buffer.markEndOfSegment("c");
        assertThatIllegalStateException().isThrownBy(() -> buffer.push("c", ramp(11, 10)));
    }

    @Test
    void clearDropsTheQueueAndReportsHowMuchOfEachSegmentWasPlayed() throws InterruptedException {
        buffer.push("a", ramp(1, 200));
        buffer.markEndOfSegment("a");
        buffer.push("b", ramp(1, 300));
        buffer.push("c", ramp(1, 100));
        buffer.nextFrame(); // a: 160
        buffer.nextFrame(); // a: 40 more, finished; b: 120

        List<SegmentPlayout> interrupted = buffer.clear();

        var b = new SegmentPlayout("b", 120, 300, RATE, Outcome.INTERRUPTED);
        var c = new SegmentPlayout("c", 0, 100, RATE, Outcome.INTERRUPTED);
        assertThat(interrupted).containsExactly(b, c);
        assertThat(b.played()).isEqualTo(Duration.ofMillis(7).plusNanos(500_000));
        assertThat(nextEvent()).isEqualTo(new SegmentPlayout("a", 200, 200, RATE, Outcome.FINISHED));
        assertThat(nextEvent()).isEqualTo(b);
        assertThat(nextEvent()).isEqualTo(c);
        assertThat(buffer.nextFrame().isSilence()).isTrue();
        assertThat(buffer.queuedSamples()).isZero();
    }

    @Test
    void awaitDrainedReturnsOncePlayedOrCleared() throws InterruptedException {
        assertThat(buffer.awaitDrained(Duration.ZERO)).isTrue();
        buffer.push("a", ramp(1, 480));
        assertThat(buffer.awaitDrained(Duration.ofMillis(1))).isFalse();

        Thread player = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 3; i++) {
                buffer.nextFrame();
            }
        });

        assertThat(buffer.awaitDrained(Duration.ofSeconds(10))).isTrue();
        player.join();
        buffer.push("b", ramp(1, 480));
        Thread.ofVirtual().start(buffer::clear);
        assertThat(buffer.awaitDrained(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void stereoCountsSamplesPerChannelAndCloseReportsOpenSegments() throws InterruptedException {
        var stereoEvents = new LinkedBlockingQueue<SegmentPlayout>();
        var stereo = new PlayoutBuffer(48_000, 2, stereoEvents::add);
        stereo.push("a", new short[2 * 600]);

        PlayoutFrame frame = stereo.nextFrame();
        stereo.close();

        assertThat(frame.audio().samples()).hasSize(960);
        assertThat(frame.audioSamples()).isEqualTo(480);
        assertThat(stereoEvents.poll(10, TimeUnit.SECONDS))
                .isEqualTo(new SegmentPlayout("a", 480, 600, 48_000, Outcome.INTERRUPTED));
        assertThatIllegalStateException().isThrownBy(() -> stereo.push("b", new short[2]));
    }

    private static List<Short> toList(short[] samples) {
        List<Short> list = new ArrayList<>(samples.length);
        for (short s : samples) {
            list.add(s);
        }
        return list;
    }
}
