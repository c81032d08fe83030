package dev.sofia.agents.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.RecordingListener;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.agents.stt.ScriptedStt;
import dev.sofia.agents.stt.SpeechData;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.stt.SttCapabilities;
import dev.sofia.agents.stt.SttStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FallbackSttTests {

    private final AtomicBoolean primaryDown = new AtomicBoolean();
    private volatile int primaryFinalAt = -1;
    private volatile int primaryFailsAt = -1;
    private final ScriptedStt primary = new ScriptedStt("primary.stt", ScriptedStt.hearing("primär"), this::primary);
    private final ScriptedStt backup =
            new ScriptedStt("backup.stt", ScriptedStt.hearing("Ersatz"), FallbackSttTests::backup);
    private final RecordingListener listener = new RecordingListener();
    private FallbackStt stt = fallback(new ProbeSchedule(Duration.ofHours(1), Duration.ofHours(1)));

    @AfterEach
    void closeProbes() {
        stt.close();
    }

    @Test
    void aStreamSwitchesAndReplaysTheAudioOfTheUtteranceInProgress() throws Exception {
        primaryFailsAt = 5;
        SttStream stream = stt.stream("de");
        push(stream, 10);
        stream.endInput();

        // One START for the utterance, though both recognisers report one.
        assertThat(drain(stream)).containsExactly("START_OF_SPEECH", "FINAL backup heard 10", "END_OF_SPEECH");
        assertThat(stt.isAvailable(primary)).isFalse();
        assertThat(listener.events(AvailabilityChanged.class))
                .singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo("primary.stt"));
    }

    @Test
    void audioAlreadyRecognisedIsNotReplayed() throws Exception {
        primaryFinalAt = 3;
        primaryFailsAt = 5;
        SttStream stream = stt.stream("de");
        push(stream, 3);
        assertThat(stream.next().type()).isEqualTo(SpeechEvent.Type.START_OF_SPEECH);
        assertThat(stream.next().text()).isEqualTo("primär");
        push(stream, 7);
        stream.endInput();

        assertThat(drain(stream)).containsExactly("FINAL backup heard 7", "END_OF_SPEECH");
    }

    @Test
    void theReplayKeepsAtMostFiveSeconds() throws Exception {
        primaryFailsAt = 700;
        SttStream stream = stt.stream("de");
        push(stream, 700);
        stream.endInput();

        assertThat(drain(stream)).contains("FINAL backup heard " + FallbackSttStream.REPLAY.toMillis() / 10);
    }

    @Test
    void aOneShotRecognitionGoesToTheNextRecogniser() throws Exception {
        primary.setScript((call, audio) -> {
            throw new ProviderConnectionException("primary.stt", "unreachable", null);
        });
        assertThat(stt.recognize(frames(10), "de").text()).isEqualTo("Ersatz");
        assertThat(stt.isAvailable(primary)).isFalse();
    }

    @Test
    void whenAllRecognisersFailTheStreamFailsWithTheLastError() throws Exception {
        primaryFailsAt = 1;
        backup.setStreamScript((run, in, out) -> {
            throw new ProviderConnectionException("backup.stt", "unreachable", null);
        });
        SttStream stream = stt.stream("de");
        push(stream, 3);

        assertThat(stream.next().type()).isEqualTo(SpeechEvent.Type.START_OF_SPEECH);
        assertThatThrownBy(stream::next)
                .isInstanceOf(ProviderConnectionException.class)
                .hasMessageContaining("backup.stt");
    }

    @Test
    void aRecogniserIsUsedAgainOnceItAnswersAProbe() throws Exception {
        stt.close();
        stt = fallback(new ProbeSchedule(Duration.ofMillis(10), Duration.ofMillis(20)));
        primaryDown.set(true);
        SttStream first = stt.stream("de");
        push(first, 2);
        first.endInput();
        assertThat(drain(first)).containsExactly("START_OF_SPEECH", "FINAL backup heard 2", "END_OF_SPEECH");

        primaryDown.set(false);

        Await.until("primary back", () -> stt.isAvailable(primary));
        SttStream second = stt.stream("de");
        push(second, 2);
        second.endInput();
        assertThat(drain(second)).containsExactly("START_OF_SPEECH");
    }

    @Test
    void itStreamsOnlyIfEveryRecogniserStreams() {
        assertThat(stt.capabilities()).isEqualTo(new SttCapabilities(true, true));
        ScriptedStt oneShot = new ScriptedStt("whisper.stt", ScriptedStt.hearing("x"), null);
        try (FallbackStt mixed = new FallbackStt(List.of(primary, oneShot))) {
            assertThat(mixed.capabilities().streaming()).isFalse();
            assertThatThrownBy(() -> mixed.stream("de")).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    /** START at the first frame, optionally a final and a failure at given frames. */
    private void primary(int run, StreamInput<AudioFrame> in, java.util.function.Consumer<SpeechEvent> out)
            throws Exception {
        if (primaryDown.get()) {
            throw new ProviderConnectionException("primary.stt", "unreachable", null);
        }
        int frames = 0;
        for (Object item = in.next(); item != StreamInput.END; item = in.next()) {
            if (!StreamInput.isData(item)) {
                continue;
            }
            frames++;
            if (frames == 1) {
                out.accept(SpeechEvent.of(SpeechEvent.Type.START_OF_SPEECH));
            }
            if (frames == primaryFinalAt) {
                out.accept(SpeechEvent.transcript(true, SpeechData.of("primär", "de"), null));
            }
            if (frames == primaryFailsAt) {
                throw new ProviderConnectionException("primary.stt", "dropped", null);
            }
        }
    }

    /** START at the first frame; at the end a final saying how many frames it heard. */
    private static void backup(int run, StreamInput<AudioFrame> in, java.util.function.Consumer<SpeechEvent> out)
            throws Exception {
        int frames = 0;
        for (Object item = in.next(); item != StreamInput.END; item = in.next()) {
            if (StreamInput.isData(item) && ++frames == 1) {
                out.accept(SpeechEvent.of(SpeechEvent.Type.START_OF_SPEECH));
            }
        }
        out.accept(SpeechEvent.transcript(true, SpeechData.of("backup heard " + frames, "de"), null));
        out.accept(SpeechEvent.of(SpeechEvent.Type.END_OF_SPEECH));
    }

    private FallbackStt fallback(ProbeSchedule probes) {
        FallbackStt fallback = new FallbackStt(List.of(primary, backup), probes);
        fallback.addListener(listener);
        return fallback;
    }

    private static void push(SttStream stream, int count) {
        frames(count).forEach(stream::pushFrame);
    }

    private static List<AudioFrame> frames(int count) {
        List<AudioFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(AudioFrame.silence10ms(16_000, 1));
        }
        return frames;
    }

    private static List<String> drain(SttStream stream) throws InterruptedException {
        List<String> events = new ArrayList<>();
        for (SpeechEvent e = stream.next(); e != null; e = stream.next()) {
            events.add(
                    e.type() == SpeechEvent.Type.FINAL_TRANSCRIPT
                            ? "FINAL " + e.text()
                            : e.type().name());
        }
        return events;
    }
}
