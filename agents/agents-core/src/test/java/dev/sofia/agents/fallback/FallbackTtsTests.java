package dev.sofia.agents.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.provider.RecordingListener;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.ScriptedTts;
import dev.sofia.agents.tts.SynthesizedAudio;
import dev.sofia.agents.tts.TtsStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Voices mark their audio: every sample of the primary's is 1, of the backup's 2. */
class FallbackTtsTests {

    private final AtomicBoolean primaryDown = new AtomicBoolean();
    private final ScriptedTts primary = new ScriptedTts("primary.tts", (call, text, out) -> {
        if (primaryDown.get() || text.contains("zweite")) {
            throw new ProviderStatusException("primary.tts", 500, "internal error");
        }
        ScriptedTts.speaking(1).run(call, text, out);
    });
    private final ScriptedTts backup = new ScriptedTts("backup.tts", ScriptedTts.speaking(2));
    private final RecordingListener listener = new RecordingListener();
    private FallbackTts tts = fallback(new ProbeSchedule(Duration.ofHours(1), Duration.ofHours(1)));

    @AfterEach
    void closeProbes() {
        tts.close();
    }

    @Test
    void aOneShotSynthesisGoesToTheNextVoice() throws Exception {
        primaryDown.set(true);
        try (ChunkedSynthesis synthesis = tts.synthesize("Guten Tag")) {
            assertThat(markers(synthesis)).containsExactly("2", "2 final");
        }
        assertThat(tts.isAvailable(primary)).isFalse();
        assertThat(listener.events(AvailabilityChanged.class))
                .singleElement()
                .satisfies(e -> assertThat(e.target()).isEqualTo("primary.tts"));
    }

    @Test
    void aStreamSpeaksAFailedSegmentAgainWithTheNextVoice() throws Exception {
        TtsStream stream = tts.stream();
        stream.pushText("Erster Satz für den Test.");
        stream.flush();
        stream.pushText("Der zweite Satz kommt jetzt.");
        stream.flush();
        stream.pushText("Dritter Satz am Ende.");
        stream.endInput();

        assertThat(drain(stream))
                .containsExactly("seg-1 1", "seg-1 1 final", "seg-2 2", "seg-2 2 final", "seg-3 2", "seg-3 2 final");
        assertThat(backup.texts()).containsExactly("Der zweite Satz kommt jetzt.", "Dritter Satz am Ende.");
        assertThat(tts.isAvailable(primary)).isFalse();
    }

    @Test
    void aSegmentPartlySpokenEndsAndTheNextVoiceTakesTheFollowingOnes() throws Exception {
        TtsStream stream = tts.stream();
        stream.pushText("Erster Satz für den Test.");
        stream.flush();
        stream.pushText("Das ist Satz zwei, Teil eins. Hier kommt der zweite Teil.");
        stream.flush();
        stream.pushText("Dritter Satz am Ende.");
        stream.endInput();

        assertThat(drain(stream))
                .containsExactly(
                        "seg-1 1", "seg-1 1 final", "seg-2 1", "seg-2 empty final", "seg-3 2", "seg-3 2 final");
        assertThat(backup.texts()).containsExactly("Dritter Satz am Ende.");
    }

    @Test
    void anEmptySegmentEndsWithoutAskingAVoice() throws Exception {
        TtsStream stream = tts.stream();
        stream.flush();
        stream.pushText("  ");
        stream.flush();
        stream.pushText("Hallo und willkommen.");
        stream.endInput();

        assertThat(drain(stream)).containsExactly("seg-1 empty final", "seg-2 empty final", "seg-3 1", "seg-3 1 final");
        assertThat(primary.texts()).containsExactly("Hallo und willkommen.");
    }

    @Test
    void whenAllVoicesFailTheStreamFailsWithTheLastError() throws Exception {
        primaryDown.set(true);
        backup.setScript((call, text, out) -> {
            throw new ProviderConnectionException("backup.tts", "unreachable", null);
        });
        TtsStream stream = tts.stream();
        stream.pushText("Hallo und willkommen.");
        stream.endInput();

        assertThatThrownBy(stream::next)
                .isInstanceOf(ProviderConnectionException.class)
                .hasMessageContaining("backup.tts");
    }

    @Test
    void aVoiceIsUsedAgainOnceItSpeaksAProbeWord() throws Exception {
        tts.close();
        tts = fallback(new ProbeSchedule(Duration.ofMillis(10), Duration.ofMillis(20)));
        primaryDown.set(true);
        try (ChunkedSynthesis synthesis = tts.synthesize("Hallo")) {
            assertThat(markers(synthesis)).containsExactly("2", "2 final");
        }

        primaryDown.set(false);

        Await.until("primary back", () -> tts.isAvailable(primary));
        assertThat(primary.texts()).contains(FallbackTts.PROBE_TEXT);
        try (ChunkedSynthesis synthesis = tts.synthesize("Hallo")) {
            assertThat(markers(synthesis)).containsExactly("1", "1 final");
        }
    }

    @Test
    void voicesMustShareOneFormat() {
        ScriptedTts other = new ScriptedTts("other.tts", ScriptedTts.speaking(3), null, 24_000);
        assertThatThrownBy(() -> new FallbackTts(List.of(primary, other)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("24000 Hz");
        assertThat(tts.capabilities().streaming()).isTrue();
        assertThat(tts.sampleRate()).isEqualTo(ScriptedTts.RATE);
    }

    private FallbackTts fallback(ProbeSchedule probes) {
        FallbackTts fallback = new FallbackTts(List.of(primary, backup), probes);
        fallback.addListener(listener);
        return fallback;
    }

    private static List<String> markers(ChunkedSynthesis synthesis) throws InterruptedException {
        List<String> markers = new ArrayList<>();
        for (SynthesizedAudio piece = synthesis.next(); piece != null; piece = synthesis.next()) {
            markers.add(marker(piece));
        }
        return markers;
    }

    private static List<String> drain(TtsStream stream) throws InterruptedException {
        List<String> pieces = new ArrayList<>();
        for (SynthesizedAudio piece = stream.next(); piece != null; piece = stream.next()) {
            pieces.add(piece.segmentId() + " " + marker(piece));
        }
        return pieces;
    }

    private static String marker(SynthesizedAudio piece) {
        short[] samples = piece.frame().samples();
        return (samples.length == 0 ? "empty" : String.valueOf(samples[0])) + (piece.isFinal() ? " final" : "");
    }
}
