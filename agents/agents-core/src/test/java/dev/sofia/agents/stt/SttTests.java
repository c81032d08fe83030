package dev.sofia.agents.stt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderError;
import dev.sofia.agents.provider.RecordingListener;
import dev.sofia.agents.provider.StreamInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SttTests {

    private static final ConnectOptions RETRYING = new ConnectOptions(2, Duration.ofMillis(1), Duration.ofSeconds(1));

    private final RecordingListener listener = new RecordingListener();

    @Test
    void recognizeRetriesAndReportsMetrics() throws Exception {
        ScriptedStt stt = new ScriptedStt(
                "scripted.stt",
                (call, audio) -> {
                    if (call == 1) {
                        throw new ProviderConnectionException("scripted.stt", "reset", null);
                    }
                    return SpeechEvent.transcript(true, SpeechData.of("Hallo", "de"), "r-" + call);
                },
                null);
        stt.setConnectOptions(RETRYING);
        stt.addListener(listener);

        SpeechEvent result = stt.recognize(frames(50), "de");

        assertThat(result.text()).isEqualTo("Hallo");
        assertThat(stt.calls()).isEqualTo(2);
        assertThat(listener.events(ProviderError.class)).hasSize(1);
        assertThat(listener.events(SttMetrics.class)).singleElement().satisfies(m -> {
            assertThat(m.streamed()).isFalse();
            assertThat(m.requestId()).isEqualTo("r-2");
            assertThat(m.audioDuration()).isEqualTo(Duration.ofMillis(500));
        });
    }

    @Test
    void aNonStreamingSttRefusesToStream() {
        ScriptedStt stt = new ScriptedStt("scripted.stt", ScriptedStt.hearing("x"), null);
        assertThatThrownBy(() -> stt.stream("de"))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("VadSegmentedStt");
    }

    @Test
    void aStreamIsRetriedAfterOutputAndGoesOnWithTheFollowingAudio() throws Exception {
        List<Integer> heard = Collections.synchronizedList(new ArrayList<>());
        ScriptedStt stt = new ScriptedStt("scripted.stt", ScriptedStt.hearing("x"), (run, in, out) -> {
            for (Object item = in.next(); item != StreamInput.END; item = in.next()) {
                heard.add(run);
                out.accept(SpeechEvent.transcript(false, SpeechData.of("run " + run, "de"), null));
                if (run == 1) {
                    throw new ProviderConnectionException("scripted.stt", "dropped", null);
                }
            }
        });
        stt.setConnectOptions(RETRYING);
        stt.addListener(listener);

        SttStream stream = stt.stream("de");
        for (AudioFrame frame : frames(3)) {
            stream.pushFrame(frame);
        }
        stream.endInput();
        List<String> texts = new ArrayList<>();
        for (SpeechEvent e = stream.next(); e != null; e = stream.next()) {
            texts.add(e.text());
        }

        assertThat(texts).containsExactly("run 1", "run 2", "run 2");
        assertThat(heard).containsExactly(1, 2, 2);
        assertThat(stream.language()).isEqualTo("de");
        awaitMetrics();
        assertThat(listener.events(SttMetrics.class)).singleElement().satisfies(m -> {
            assertThat(m.streamed()).isTrue();
            assertThat(m.audioDuration()).isEqualTo(Duration.ofMillis(30));
        });
    }

    static List<AudioFrame> frames(int count) {
        List<AudioFrame> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(AudioFrame.silence10ms(16_000, 1));
        }
        return frames;
    }

    private void awaitMetrics() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (listener.events(SttMetrics.class).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
    }
}
