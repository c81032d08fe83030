package dev.sofia.agents.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.ToneGenerator;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderError;
import dev.sofia.agents.provider.RecordingListener;
import dev.sofia.agents.vad.Vad;
import dev.sofia.agents.vad.VadOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VadSegmentedSttTests {

    private static final VadOptions OPTIONS = new VadOptions(
            0.5, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofMillis(100), Duration.ofSeconds(10));
    private static final ConnectOptions RETRYING = new ConnectOptions(2, Duration.ofMillis(1), Duration.ofSeconds(1));

    private final ToneGenerator tone = new ToneGenerator(440, 0.3, 16_000, 1);
    private final List<Integer> utteranceLengths = new ArrayList<>();

    @Test
    void eachUtteranceIsRecognisedWhenItEnds() throws Exception {
        ScriptedStt whisper = new ScriptedStt(
                "whisper.stt",
                (call, audio) -> {
                    utteranceLengths.add(audio.size());
                    return SpeechEvent.transcript(true, SpeechData.of(call == 2 ? "" : "Satz " + call, "de"), null);
                },
                null);
        VadSegmentedStt stt = new VadSegmentedStt(whisper, Vad.energy(OPTIONS));
        assertThat(stt.capabilities()).isEqualTo(new SttCapabilities(true, false));
        assertThat(stt.label()).isEqualTo("whisper.stt+vad");

        SttStream stream = stt.stream("de");
        push(stream, silence(300), tone(500), silence(300), tone(300), silence(300), tone(200));
        stream.endInput();

        assertThat(drain(stream))
                .containsExactly(
                        "START_OF_SPEECH",
                        "FINAL_TRANSCRIPT Satz 1",
                        "END_OF_SPEECH",
                        "START_OF_SPEECH",
                        "END_OF_SPEECH", // nothing recognised: no transcript
                        "START_OF_SPEECH",
                        "FINAL_TRANSCRIPT Satz 3",
                        "END_OF_SPEECH");
        // padding 10 + speech 50 + silence 20; the last utterance ended with the input
        assertThat(utteranceLengths).containsExactly(80, 60, 30);
    }

    @Test
    void flushForcesTheUtteranceInProgress() throws Exception {
        ScriptedStt whisper = new ScriptedStt("whisper.stt", ScriptedStt.hearing("Hallo"), null);
        SttStream stream = new VadSegmentedStt(whisper, Vad.energy(OPTIONS)).stream(null);
        push(stream, silence(100), tone(300));
        stream.flush();
        assertThat(stream.next().type()).isEqualTo(SpeechEvent.Type.START_OF_SPEECH);
        assertThat(stream.next().text()).isEqualTo("Hallo");
        assertThat(stream.next().type()).isEqualTo(SpeechEvent.Type.END_OF_SPEECH);
        stream.close();
    }

    @Test
    void oneShotRecognitionIsRetriedOnlyByTheRecogniser() throws Exception {
        ScriptedStt whisper = new ScriptedStt(
                "whisper.stt",
                (call, audio) -> {
                    throw new ProviderConnectionException("whisper.stt", "down", null);
                },
                null);
        whisper.setConnectOptions(RETRYING);
        VadSegmentedStt stt = new VadSegmentedStt(whisper, Vad.energy(OPTIONS));
        stt.setConnectOptions(RETRYING);
        RecordingListener listener = new RecordingListener();
        stt.addListener(listener);

        assertThatThrownBy(() -> stt.recognize(tone(100), "de")).isInstanceOf(ProviderConnectionException.class);
        assertThat(whisper.calls()).isEqualTo(3);
        assertThat(listener.events(ProviderError.class))
                .singleElement()
                .satisfies(e -> assertThat(e.retrying()).isFalse());
    }

    @Test
    void aRecognitionThatFailsForGoodEndsTheStreamWithThatFailure() throws Exception {
        ScriptedStt whisper = new ScriptedStt(
                "whisper.stt",
                (call, audio) -> {
                    throw new ProviderConnectionException("whisper.stt", "down", null);
                },
                null);
        whisper.setConnectOptions(RETRYING);
        VadSegmentedStt stt = new VadSegmentedStt(whisper, Vad.energy(OPTIONS));
        stt.setConnectOptions(RETRYING);

        SttStream stream = stt.stream("de");
        push(stream, silence(100), tone(300), silence(300));

        assertThat(stream.next().type()).isEqualTo(SpeechEvent.Type.START_OF_SPEECH);
        assertThatThrownBy(stream::next).isInstanceOf(ProviderConnectionException.class);
        assertThat(whisper.calls()).isEqualTo(3);
    }

    private static void push(SttStream stream, List<?>... parts) {
        for (List<?> part : parts) {
            for (Object frame : part) {
                stream.pushFrame((AudioFrame) frame);
            }
        }
    }

    private static List<String> drain(SttStream stream) throws InterruptedException {
        List<String> events = new ArrayList<>();
        for (SpeechEvent e = stream.next(); e != null; e = stream.next()) {
            events.add(e.isTranscript() ? e.type() + " " + e.text() : e.type().name());
        }
        return events;
    }

    private List<AudioFrame> tone(int millis) {
        List<AudioFrame> frames = new ArrayList<>();
        for (int i = 0; i < millis / 10; i++) {
            frames.add(tone.next10ms());
        }
        return frames;
    }

    private static List<AudioFrame> silence(int millis) {
        return SttTests.frames(millis / 10);
    }
}
