package dev.sofia.agents.espeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.AudioLevels;
import dev.sofia.agents.provider.ProviderError;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStream;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.SynthesizedAudio;
import dev.sofia.agents.tts.TtsStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Against the real espeak-ng (Debian package, installed by scripts/setup.sh). */
class EspeakTtsTests {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "de | Guten Tag, wie kann ich Ihnen helfen?",
                "en | Good morning, how can I help you?",
                "ru | Здравствуйте, чем я могу вам помочь?"
            })
    void speaksASentenceAsSpeechOfPlausibleLength(String language, String sentence) throws Exception {
        EspeakTts tts = new EspeakTts(EspeakTtsOptions.forLanguage(language));

        List<SynthesizedAudio> pieces = readAll(tts.synthesize(sentence));

        assertThat(pieces).hasSizeGreaterThan(1); // handed out while espeak writes, not in one block
        assertThat(pieces).allSatisfy(p -> {
            assertThat(p.frame().sampleRate()).isEqualTo(24_000);
            assertThat(p.frame().channels()).isEqualTo(1);
            assertThat(p.segmentId()).isEqualTo(pieces.getFirst().segmentId());
        });
        assertThat(pieces.stream().filter(SynthesizedAudio::isFinal)).containsExactly(pieces.getLast());
        AudioFrame audio = join(pieces);
        double seconds = audio.durationNanos() / 1e9;
        assertThat(seconds).isBetween(1.0, 5.0);
        assertThat(AudioLevels.dbfs(audio)).isGreaterThan(-30);
        // Speech comes in syllables and pauses: neither silence nor a steady sound.
        assertThat(activeShare(audio)).isBetween(0.4, 0.97);
    }

    @Test
    void speaksFasterWithMoreWordsPerMinute() throws Exception {
        EspeakTtsOptions options = EspeakTtsOptions.forLanguage("de");
        String sentence = "Ihr Termin ist am Dienstag um neun Uhr dreißig bei Frau Doktor Schmidt.";

        double normal = seconds(new EspeakTts(options.withWordsPerMinute(160)), sentence);
        double fast = seconds(new EspeakTts(options.withWordsPerMinute(320)), sentence);

        assertThat(fast / normal).isBetween(0.4, 0.75);
    }

    @Test
    void convertsToTheConfiguredRateWithoutChangingTheLength() throws Exception {
        EspeakTtsOptions options = EspeakTtsOptions.forLanguage("en");
        String sentence = "Your appointment is confirmed.";

        AudioFrame at16k = join(readAll(new EspeakTts(options.withSampleRate(16_000)).synthesize(sentence)));
        AudioFrame at8k = join(readAll(new EspeakTts(options.withSampleRate(8_000)).synthesize(sentence)));
        AudioFrame at48k = join(readAll(new EspeakTts(options.withSampleRate(48_000)).synthesize(sentence)));

        assertThat(at16k.sampleRate()).isEqualTo(16_000);
        assertThat(at48k.sampleRate()).isEqualTo(48_000);
        // all three come from the same 22050 Hz speech: lengths in proportion (each rounded up once)
        int n = at16k.samplesPerChannel();
        assertThat(at8k.samplesPerChannel() * 2).isBetween(n - 2, n + 2);
        assertThat(at48k.samplesPerChannel()).isBetween(3 * n - 3, 3 * n + 3);
        // Telephone band keeps most of the level; 48 kHz keeps all of it.
        assertThat(AudioLevels.dbfs(at48k)).isCloseTo(AudioLevels.dbfs(at16k), within(0.5));
        assertThat(AudioLevels.dbfs(at8k)).isCloseTo(AudioLevels.dbfs(at16k), within(2.0));
    }

    @Test
    void streamedTextGivesOneSegmentPerFlushEachEndingInAFinalPiece() throws Exception {
        EspeakTts tts = new EspeakTts(EspeakTtsOptions.forLanguage("de"));

        TtsStream stream = tts.stream();
        for (String token : List.of("Guten ", "Tag, ", "hier ist ", "die Praxis. ", "Wie kann ", "ich helfen?")) {
            stream.pushText(token);
        }
        stream.flush();
        for (String token : List.of("Ihr Termin ", "ist ", "morgen ", "um neun Uhr.")) {
            stream.pushText(token);
        }
        stream.flush();
        stream.endInput();
        List<SynthesizedAudio> pieces = readAll(stream);

        assertThat(pieces.stream().map(SynthesizedAudio::segmentId).distinct()).containsExactly("seg-1", "seg-2");
        for (String segment : List.of("seg-1", "seg-2")) {
            List<SynthesizedAudio> ofSegment =
                    pieces.stream().filter(p -> p.segmentId().equals(segment)).toList();
            assertThat(ofSegment.stream().filter(SynthesizedAudio::isFinal)).containsExactly(ofSegment.getLast());
            assertThat(join(ofSegment).durationNanos() / 1e9).isBetween(1.0, 8.0);
        }
        List<String> order = pieces.stream().map(SynthesizedAudio::segmentId).toList();
        assertThat(order.lastIndexOf("seg-1")).isLessThan(order.indexOf("seg-2")); // one segment after the other
    }

    @Test
    void closingASynthesisKillsItsProcess() throws Exception {
        // Minutes of speech, which espeak needs seconds to write: it is still running when we close.
        String text = "Dies ist ein sehr langer Text, der lange gesprochen wird. ".repeat(400);
        EspeakTts tts = new EspeakTts(EspeakTtsOptions.forLanguage("de").withWordsPerMinute(80));

        ChunkedSynthesis synthesis = tts.synthesize(text);
        assertThat(synthesis.poll(Duration.ofSeconds(10))).isNotNull();
        List<ProcessHandle> espeak = ProcessHandle.current()
                .children()
                .filter(p -> p.info().command().orElse("").endsWith("espeak-ng"))
                .toList();
        assertThat(espeak).as("a running espeak-ng child").hasSize(1);
        synthesis.close();

        espeak.getFirst().onExit().get(2, TimeUnit.SECONDS);
        assertThat(espeak.getFirst().isAlive()).isFalse();
        assertThat(synthesis.next()).isNull();
    }

    @Test
    void aMissingBinaryFailsAtOnceAndSaysToInstallEspeak() throws Exception {
        EspeakTts tts = new EspeakTts(EspeakTtsOptions.forLanguage("en").withBinary("/nonexistent/espeak-ng"));
        List<ProviderError> errors = new CopyOnWriteArrayList<>();
        tts.addListener(e -> {
            if (e instanceof ProviderError error) {
                errors.add(error);
            }
        });

        ChunkedSynthesis synthesis = tts.synthesize("Hello.");

        assertThatThrownBy(synthesis::next)
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("/nonexistent/espeak-ng")
                .hasMessageContaining("install espeak-ng");
        assertThat(errors)
                .singleElement()
                .satisfies(e -> assertThat(e.retrying()).isFalse());
    }

    @Test
    void aFailingEspeakReportsItsExitCodeAndStderr() {
        EspeakTts tts = new EspeakTts(EspeakTtsOptions.forLanguage("en").withVoice("xx"));

        ChunkedSynthesis synthesis = tts.synthesize("Hello.");

        assertThatThrownBy(synthesis::next)
                .isInstanceOf(ProviderException.class)
                .hasMessageContaining("exited with 1")
                .hasMessageContaining("voice does not exist");
    }

    @Test
    void markupIsReadAsTextNotObeyed() throws Exception {
        EspeakTts tts = new EspeakTts(EspeakTtsOptions.forLanguage("en"));

        // Obeyed, the break alone would be 8 s of silence.
        double seconds = seconds(tts, "Hello <break time=\"8s\"/> there.");

        assertThat(seconds).isLessThan(6);
    }

    @Test
    void anEmptyTextGivesOneEmptyFinalPiece() throws Exception {
        EspeakTts tts = new EspeakTts(EspeakTtsOptions.forLanguage("en"));

        List<SynthesizedAudio> pieces = readAll(tts.synthesize("  \n "));

        assertThat(pieces).singleElement().satisfies(p -> {
            assertThat(p.isFinal()).isTrue();
            assertThat(p.frame().samplesPerChannel()).isZero();
        });
    }

    private static double seconds(EspeakTts tts, String text) throws InterruptedException {
        return join(readAll(tts.synthesize(text))).durationNanos() / 1e9;
    }

    private static List<SynthesizedAudio> readAll(ProviderStream<?, SynthesizedAudio> stream)
            throws InterruptedException {
        try (stream) {
            List<SynthesizedAudio> pieces = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            for (SynthesizedAudio piece = stream.poll(Duration.ofSeconds(30));
                    piece != null;
                    piece = stream.poll(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))) {
                pieces.add(piece);
            }
            assertThat(stream.isFinished()).as("finished within 30 s").isTrue();
            return pieces;
        }
    }

    private static AudioFrame join(List<SynthesizedAudio> pieces) {
        return AudioFrame.concat(pieces.stream().map(SynthesizedAudio::frame).toList());
    }

    /** The share of 10 ms stretches louder than -45 dBFS. */
    private static double activeShare(AudioFrame audio) {
        int step = audio.sampleRate() / 100;
        int active = 0;
        int total = 0;
        short[] s = audio.samples();
        for (int at = 0; at + step <= s.length; at += step) {
            AudioFrame tenMs = new AudioFrame(Arrays.copyOfRange(s, at, at + step), audio.sampleRate(), 1);
            total++;
            if (AudioLevels.dbfs(tenMs) > -45) {
                active++;
            }
        }
        return (double) active / total;
    }
}
