package dev.sofia.agents.tts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceTtsStreamTests {

    @Test
    void textIsSpokenSentenceBySentenceWithOneFinalPiecePerSegment() throws Exception {
        ScriptedTts tts = new ScriptedTts("whole.tts", ScriptedTts.speaking(1));
        TtsStream stream = tts.stream();
        assertThat(stream).isInstanceOf(SentenceTtsStream.class);

        for (String token : List.of("Guten Tag, hier ist ", "die Praxis Weber. ", "Wie kann ich ", "helfen?")) {
            stream.pushText(token);
        }
        stream.flush();
        stream.pushText("Auf Wiederhören.");
        stream.endInput();

        assertThat(drain(stream))
                .containsExactly(
                        "seg-1 ",
                        "seg-1 Guten Tag, hier ist die Praxis Weber.",
                        "seg-1 ",
                        "seg-1 final Wie kann ich helfen?",
                        "seg-2 ",
                        "seg-2 final Auf Wiederhören.");
        assertThat(tts.texts())
                .containsExactly("Guten Tag, hier ist die Praxis Weber.", "Wie kann ich helfen?", "Auf Wiederhören.");
    }

    @Test
    void anEmptySegmentStillGetsAFinalPiece() throws Exception {
        TtsStream stream = new ScriptedTts("whole.tts", ScriptedTts.speaking(1)).stream();
        stream.flush();
        stream.pushText("Hallo.");
        stream.endInput();

        List<SynthesizedAudio> pieces = new ArrayList<>();
        for (SynthesizedAudio piece = stream.next(); piece != null; piece = stream.next()) {
            pieces.add(piece);
        }
        assertThat(pieces.getFirst().segmentId()).isEqualTo("seg-1");
        assertThat(pieces.getFirst().isFinal()).isTrue();
        assertThat(pieces.getFirst().frame().samplesPerChannel()).isZero();
        assertThat(pieces.getLast().segmentId()).isEqualTo("seg-2");
    }

    @Test
    void aSentenceThatFailsForGoodFailsTheStreamAndIsNotRetriedOnTop() throws Exception {
        ScriptedTts tts = new ScriptedTts("whole.tts", (call, text, out) -> {
            throw new ProviderConnectionException("whole.tts", "down", null);
        });
        tts.setConnectOptions(new ConnectOptions(2, Duration.ofMillis(1), Duration.ofSeconds(1)));
        TtsStream stream = tts.stream();
        stream.pushText("Das ist der erste Satz, der scheitert. ");
        stream.pushText("Und der zweite.");
        stream.endInput();

        assertThatThrownBy(stream::next).isInstanceOf(ProviderConnectionException.class);
        // The synthesis' own retries (1 + 2), and no rerun of the stream that would lose the text.
        assertThat(tts.calls()).isEqualTo(3);
    }

    private static List<String> drain(TtsStream stream) throws InterruptedException {
        List<String> pieces = new ArrayList<>();
        for (SynthesizedAudio piece = stream.next(); piece != null; piece = stream.next()) {
            pieces.add(piece.segmentId() + (piece.isFinal() ? " final " : " ") + piece.text());
        }
        return pieces;
    }
}
