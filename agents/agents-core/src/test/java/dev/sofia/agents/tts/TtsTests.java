package dev.sofia.agents.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderError;
import dev.sofia.agents.provider.RecordingListener;
import dev.sofia.agents.provider.StreamInput;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TtsTests {

    private static final ConnectOptions RETRYING = new ConnectOptions(2, Duration.ofMillis(1), Duration.ofSeconds(1));

    private final RecordingListener listener = new RecordingListener();

    @Test
    void aSynthesisReportsTimeToFirstByteAndAudio() throws Exception {
        ScriptedTts tts = tts((call, text, out) -> {
            Thread.sleep(30);
            ScriptedTts.speaking(1).run(call, text, out);
        });

        try (ChunkedSynthesis synthesis = tts.synthesize("Guten Tag")) {
            assertThat(synthesis.text()).isEqualTo("Guten Tag");
            assertThat(synthesis.next().isFinal()).isFalse();
            assertThat(synthesis.next().isFinal()).isTrue();
            assertThat(synthesis.next()).isNull();
        }
        TtsMetrics metrics = awaitMetrics();
        assertThat(metrics.timeToFirstByte()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
        assertThat(metrics.characters()).isEqualTo(9);
        assertThat(metrics.audioDuration()).isEqualTo(Duration.ofMillis(20));
        assertThat(metrics.cancelled()).isFalse();
    }

    @Test
    void aSynthesisIsRetriedBeforeItsFirstAudioOnly() throws Exception {
        ScriptedTts early = tts((call, text, out) -> {
            if (call == 1) {
                throw new ProviderConnectionException("scripted.tts", "reset", null);
            }
            ScriptedTts.speaking(1).run(call, text, out);
        });
        early.setConnectOptions(RETRYING);
        try (ChunkedSynthesis synthesis = early.synthesize("Hallo")) {
            assertThat(synthesis.next()).isNotNull();
        }
        assertThat(early.calls()).isEqualTo(2);

        ScriptedTts late = tts((call, text, out) -> {
            out.accept(new SynthesizedAudio(ScriptedTts.frame(1), "s", false, ""));
            throw new ProviderConnectionException("scripted.tts", "reset", null);
        });
        late.setConnectOptions(RETRYING);
        try (ChunkedSynthesis synthesis = late.synthesize("Hallo")) {
            assertThat(synthesis.next()).isNotNull();
            assertThatThrownBy(synthesis::next).isInstanceOf(ProviderConnectionException.class);
        }
        assertThat(late.calls()).isEqualTo(1);
    }

    @Test
    void aTextStreamIsNotRetriedAfterItsFirstAudio() throws Exception {
        int[] runs = new int[1];
        ScriptedTts tts = new ScriptedTts(
                "streaming.tts",
                ScriptedTts.speaking(1),
                (in, out) -> {
                    runs[0]++;
                    for (Object item = in.next(); item != StreamInput.END; item = in.next()) {
                        out.accept(new SynthesizedAudio(ScriptedTts.frame(1), "seg", false, ""));
                        throw new ProviderConnectionException("streaming.tts", "dropped", null);
                    }
                },
                ScriptedTts.RATE);
        tts.setConnectOptions(RETRYING);
        tts.addListener(listener);

        TtsStream stream = tts.stream();
        stream.pushText("Hallo");
        assertThat(stream.next()).isNotNull();
        assertThatThrownBy(stream::next).isInstanceOf(ProviderConnectionException.class);
        assertThat(runs[0]).isEqualTo(1);
        assertThat(listener.events(ProviderError.class))
                .singleElement()
                .satisfies(e -> assertThat(e.retrying()).isFalse());
        assertThat(awaitMetrics().characters()).isEqualTo(5);
    }

    private ScriptedTts tts(ScriptedTts.Script script) {
        ScriptedTts tts = new ScriptedTts("scripted.tts", script);
        tts.addListener(listener);
        return tts;
    }

    private TtsMetrics awaitMetrics() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (listener.events(TtsMetrics.class).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return listener.events(TtsMetrics.class).getFirst();
    }
}
