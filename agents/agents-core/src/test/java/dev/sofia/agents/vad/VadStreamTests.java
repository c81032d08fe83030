package dev.sofia.agents.vad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.AudioLevels;
import dev.sofia.agents.audio.ToneGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The speech state machine on tone bursts in silence, scored by loudness alone. */
class VadStreamTests {

    private static final int RATE = 16_000;
    private static final VadOptions OPTIONS = new VadOptions(
            0.5, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(10));

    private final ToneGenerator tone = new ToneGenerator(440, 0.3, RATE, 1);

    @Test
    void aToneBurstStartsAndEndsSpeechWhereItIs() throws Exception {
        List<VadEvent> events = run(OPTIONS, silence(500), tone(800), silence(400));

        VadEvent start = only(events, VadEvent.Type.START_OF_SPEECH);
        VadEvent end = only(events, VadEvent.Type.END_OF_SPEECH);
        assertThat(start.timestamp()).isBetween(ms(490), ms(510));
        assertThat(end.timestamp()).isBetween(ms(1290), ms(1310));
        assertThat(start.speaking()).isTrue();
        assertThat(end.speaking()).isFalse();
        assertThat(end.speechDuration()).isBetween(ms(790), ms(810));
        assertThat(events.indexOf(start)).isLessThan(events.indexOf(end));
    }

    @Test
    void theUtteranceKeepsThePrefixPaddingAndAllOfItsSpeech() throws Exception {
        List<VadEvent> events = run(OPTIONS, silence(500), tone(800), silence(400));

        VadEvent start = only(events, VadEvent.Type.START_OF_SPEECH);
        // 100 ms of padding before the tone, then the 50 ms of speech that started it.
        assertThat(duration(start.frames())).isEqualTo(ms(150));
        assertThat(silentFrames(start.frames())).isEqualTo(10);

        VadEvent end = only(events, VadEvent.Type.END_OF_SPEECH);
        List<AudioFrame> utterance = end.frames();
        assertThat(silentFrames(utterance.subList(0, 10))).isEqualTo(10);
        assertThat(loudFrames(utterance)).isEqualTo(80);
        // padding + speech + the silence that ended it
        assertThat(duration(utterance)).isEqualTo(ms(100 + 800 + 200));
    }

    @Test
    void paddingShorterThanMinSpeechStillKeepsTheWholeStart() throws Exception {
        VadOptions slowStart = new VadOptions(
                0.5, Duration.ofMillis(150), Duration.ofMillis(200), Duration.ofMillis(20), Duration.ofSeconds(10));
        List<VadEvent> events = run(slowStart, silence(300), tone(500), silence(300));

        VadEvent start = only(events, VadEvent.Type.START_OF_SPEECH);
        assertThat(start.timestamp()).isBetween(ms(290), ms(310));
        assertThat(silentFrames(start.frames())).isEqualTo(2);
        assertThat(loudFrames(start.frames())).isEqualTo(15);
        assertThat(loudFrames(only(events, VadEvent.Type.END_OF_SPEECH).frames()))
                .isEqualTo(50);
    }

    @Test
    void clicksShorterThanMinSpeechAreNotSpeech() throws Exception {
        List<VadEvent> events = run(OPTIONS, silence(200), tone(30), silence(200), tone(40), silence(300));
        assertThat(events).noneMatch(e -> e.type() != VadEvent.Type.INFERENCE_DONE);
    }

    @Test
    void pausesShorterThanMinSilenceAreBridged() throws Exception {
        List<VadEvent> events = run(OPTIONS, silence(200), tone(300), silence(150), tone(300), silence(400));

        assertThat(events)
                .filteredOn(e -> e.type() == VadEvent.Type.START_OF_SPEECH)
                .hasSize(1);
        VadEvent end = only(events, VadEvent.Type.END_OF_SPEECH);
        assertThat(end.timestamp()).isBetween(ms(940), ms(960));
        assertThat(loudFrames(end.frames())).isEqualTo(60);
    }

    @Test
    void longerPausesSplitUtterances() throws Exception {
        List<VadEvent> events = run(OPTIONS, silence(200), tone(300), silence(300), tone(300), silence(300));
        List<VadEvent> ends = events.stream()
                .filter(e -> e.type() == VadEvent.Type.END_OF_SPEECH)
                .toList();
        assertThat(ends).extracting(e -> e.timestamp().toMillis()).containsExactly(500L, 1100L);
    }

    @Test
    void flushEndsAnUtteranceAtOnce() throws Exception {
        Vad vad = Vad.energy(OPTIONS);
        try (VadStream stream = vad.stream()) {
            push(stream, silence(100), tone(300));
            stream.flush();
            push(stream, tone(20));
            stream.endInput();
            List<VadEvent> events = drain(stream);

            VadEvent end = only(events, VadEvent.Type.END_OF_SPEECH);
            assertThat(end.timestamp()).isEqualTo(ms(400));
            assertThat(loudFrames(end.frames())).isEqualTo(30);
        }
    }

    @Test
    void endOfInputEndsAnUtteranceInProgress() throws Exception {
        List<VadEvent> events = run(OPTIONS, silence(100), tone(300));
        assertThat(only(events, VadEvent.Type.END_OF_SPEECH).timestamp()).isEqualTo(ms(400));
    }

    @Test
    void maxBufferedSpeechCapsTheUtterance() throws Exception {
        VadOptions capped = new VadOptions(
                0.5, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofMillis(500));
        List<VadEvent> events = run(capped, silence(200), tone(2000), silence(300));

        VadEvent end = only(events, VadEvent.Type.END_OF_SPEECH);
        assertThat(duration(end.frames())).isEqualTo(ms(500));
        assertThat(end.timestamp()).isBetween(ms(2190), ms(2210));
    }

    @Test
    void inferenceIsReportedForEveryFrame() throws Exception {
        List<VadEvent> events = run(OPTIONS, silence(200), tone(300), silence(300));
        assertThat(events)
                .filteredOn(e -> e.type() == VadEvent.Type.INFERENCE_DONE)
                .hasSize(80);
        assertThat(events)
                .filteredOn(e -> e.type() == VadEvent.Type.INFERENCE_DONE)
                .last()
                .satisfies(e -> assertThat(e.timestamp()).isEqualTo(ms(800)));
    }

    @Test
    void theEnergyScorerMapsLoudnessToProbability() {
        EnergyScorer scorer = new EnergyScorer();
        assertThat(scorer.speechProbability(AudioFrame.silence10ms(RATE, 1))).isZero();
        assertThat(scorer.speechProbability(tone.next10ms())).isEqualTo(1.0);
        AudioFrame quiet = new ToneGenerator(440, Math.pow(10, -42.5 / 20) * Math.sqrt(2), RATE, 1).next(RATE / 10);
        assertThat(scorer.speechProbability(quiet)).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.02));
    }

    private List<VadEvent> run(VadOptions options, List<?>... parts) throws InterruptedException {
        try (VadStream stream = Vad.energy(options).stream()) {
            push(stream, parts);
            stream.endInput();
            return drain(stream);
        }
    }

    @SuppressWarnings("unchecked")
    private static void push(VadStream stream, List<?>... parts) {
        for (List<?> part : parts) {
            for (AudioFrame frame : (List<AudioFrame>) part) {
                stream.pushFrame(frame);
            }
        }
    }

    private static List<VadEvent> drain(VadStream stream) throws InterruptedException {
        List<VadEvent> events = new ArrayList<>();
        for (VadEvent e = stream.next(); e != null; e = stream.next()) {
            events.add(e);
        }
        return events;
    }

    private static VadEvent only(List<VadEvent> events, VadEvent.Type type) {
        List<VadEvent> matching = events.stream().filter(e -> e.type() == type).toList();
        assertThat(matching).as(type.name()).hasSize(1);
        return matching.getFirst();
    }

    private List<AudioFrame> tone(int millis) {
        List<AudioFrame> frames = new ArrayList<>();
        for (int i = 0; i < millis / 10; i++) {
            frames.add(tone.next10ms());
        }
        return frames;
    }

    private static List<AudioFrame> silence(int millis) {
        List<AudioFrame> frames = new ArrayList<>();
        for (int i = 0; i < millis / 10; i++) {
            frames.add(AudioFrame.silence10ms(RATE, 1));
        }
        return frames;
    }

    private static long silentFrames(List<AudioFrame> frames) {
        return frames.stream().filter(f -> AudioLevels.rms(f) == 0).count();
    }

    private static long loudFrames(List<AudioFrame> frames) {
        return frames.stream().filter(f -> AudioLevels.rms(f) > 0).count();
    }

    private static Duration duration(List<AudioFrame> frames) {
        return Duration.ofNanos(
                frames.stream().mapToLong(AudioFrame::durationNanos).sum());
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }
}
