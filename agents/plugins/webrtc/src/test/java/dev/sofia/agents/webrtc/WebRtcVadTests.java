package dev.sofia.agents.webrtc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.vad.EnergyScorer;
import dev.sofia.agents.vad.SpeechScorer;
import dev.sofia.agents.vad.Vad;
import dev.sofia.agents.vad.VadEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Real speech (espeak-ng, German, Russian, English) at 8 kHz (telephone preset) and 48 kHz (web
 * preset) between 2 s stretches of silence or noise. Tolerances: an utterance starts at most 50 ms
 * before and 300 ms after the sentence's audible onset (the model hears voiced sounds; a cluster
 * like Russian "Здр" comes before them) and ends at most 200 ms before and 100 ms after its last
 * audible 10 ms; nothing else may be reported.
 */
class WebRtcVadTests {

    private static final Logger log = LoggerFactory.getLogger(WebRtcVadTests.class);

    private static final Map<Integer, List<short[]>> SENTENCES = new ConcurrentHashMap<>();

    static Stream<Arguments> noisyRecordings() {
        return Stream.of(8_000, 48_000)
                .flatMap(rate -> Stream.of(
                        Arguments.of(rate, "silence", background("silence", 0)),
                        Arguments.of(rate, "white noise -45 dBFS", background("white", -45)),
                        Arguments.of(rate, "pink noise -40 dBFS", background("pink", -40)),
                        Arguments.of(rate, "50 Hz hum -40 dBFS", background("hum", -40)),
                        Arguments.of(rate, "pink -45 + hum -45 dBFS", background("pink+hum", -45))));
    }

    @ParameterizedTest(name = "{0} Hz, {1}")
    @MethodSource("noisyRecordings")
    void reportsEachSentenceAndNothingElse(int rate, String name, Scene.Background background) throws Exception {
        Scene scene = Scene.of(name, rate, 2.0, background, sentences(rate));

        Scene.Detection detection = scene.detect(new WebRtcVad(preset(rate)));

        log.info(
                "{}: webrtc utterances {} vs truth {}, agreement {}",
                scene,
                detection.utterances(),
                scene.speech(),
                percent(scene.agreement(detection.utterances())));
        assertThat(detection.events())
                .extracting(VadEvent::type)
                .containsExactly(
                        Stream.generate(() -> List.of(VadEvent.Type.START_OF_SPEECH, VadEvent.Type.END_OF_SPEECH))
                                .limit(scene.speech().size())
                                .flatMap(List::stream)
                                .toArray(VadEvent.Type[]::new));
        for (int i = 0; i < scene.speech().size(); i++) {
            Scene.Interval truth = scene.speech().get(i);
            Scene.Interval found = detection.utterances().get(i);
            assertThat(found.startMillis() - truth.startMillis())
                    .as("start of sentence %d", i + 1)
                    .isBetween(-50L, 300L);
            assertThat(found.endMillis() - truth.endMillis())
                    .as("end of sentence %d", i + 1)
                    .isBetween(-200L, 100L);
        }
        assertThat(scene.agreement(detection.utterances())).isGreaterThan(0.95);
    }

    static Stream<Arguments> noiseOnly() {
        return Stream.of(8_000, 48_000)
                .flatMap(rate -> Stream.of(
                        Arguments.of(rate, "white noise -40 dBFS", background("white", -40)),
                        Arguments.of(rate, "pink noise -35 dBFS", background("pink", -35)),
                        Arguments.of(rate, "50 Hz hum -35 dBFS", background("hum", -35)),
                        Arguments.of(rate, "pink -40 + hum -40 dBFS", background("pink+hum", -40))));
    }

    /** What the model adds: the energy gate alone takes any noise loud enough for speech as speech. */
    @ParameterizedTest(name = "{0} Hz, {1}")
    @MethodSource("noiseOnly")
    void staysQuietInNoiseWhereTheEnergyGateAloneHearsSpeech(int rate, String name, Scene.Background background)
            throws Exception {
        Scene scene = Scene.of(name, rate, 20.0, background, List.of());

        Scene.Detection webrtc = scene.detect(new WebRtcVad(preset(rate)));
        Scene.Detection energy = scene.detect(Vad.energy(preset(rate).vad()));
        double[] modelFrames = scene.frameRates(() -> new WebRtcVad(preset(rate)).newScorer(), 0.5);
        double[] energyFrames = scene.frameRates(EnergyScorer::new, 0.5);

        log.info(
                "{}: 20 s of noise; webrtc {} utterances, {} of frames over 0.5; energy gate alone {} utterances, {}",
                scene,
                webrtc.utterances().size(),
                percent(modelFrames[1]),
                energy.utterances().size(),
                percent(energyFrames[1]));
        assertThat(webrtc.events()).isEmpty();
        assertThat(energy.utterances()).isNotEmpty();
    }

    @Test
    void staysQuietInDigitalSilenceAtEveryRate() throws Exception {
        for (int rate : WebRtcSpeechScorer.SAMPLE_RATES) {
            Scene scene = Scene.of("silence", rate, 10.0, background("silence", 0), List.of());

            assertThat(scene.detect(new WebRtcVad(WebRtcVadOptions.web())).events())
                    .isEmpty();
        }
    }

    /** In noise the energy gate alone cannot find the sentences; the model can. */
    @ParameterizedTest(name = "{0} Hz")
    @MethodSource("rates")
    void findsTheSentencesInNoiseWhereTheEnergyGateAloneCannot(int rate) throws Exception {
        Scene scene = Scene.of("pink -40 + hum -40 dBFS", rate, 2.0, background("pink+hum", -40), sentences(rate));

        Scene.Detection webrtc = scene.detect(new WebRtcVad(preset(rate)));
        Scene.Detection energy = scene.detect(Vad.energy(preset(rate).vad()));
        double[] model = scene.frameRates(() -> new WebRtcVad(preset(rate)).newScorer(), 0.5);
        double[] gate = scene.frameRates(EnergyScorer::new, 0.5);

        log.info(
                "{}: webrtc {} utterances, agreement {} (frames: {} of speech, {} of noise over 0.5);"
                        + " energy gate alone {} utterances, agreement {} (frames: {} of speech, {} of noise)",
                scene,
                webrtc.utterances().size(),
                percent(scene.agreement(webrtc.utterances())),
                percent(model[0]),
                percent(model[1]),
                energy.utterances().size(),
                percent(scene.agreement(energy.utterances())),
                percent(gate[0]),
                percent(gate[1]));
        assertThat(webrtc.utterances()).hasSameSizeAs(scene.speech());
        assertThat(scene.agreement(webrtc.utterances())).isGreaterThan(0.95);
        assertThat(energy.utterances()).hasSizeLessThan(scene.speech().size()); // merged into noise
        assertThat(scene.agreement(energy.utterances())).isLessThan(0.8);
    }

    /** What the gate adds: a far-off voice (-60 dBFS) is speech to the model but not to the gated VAD. */
    @ParameterizedTest(name = "{0} Hz")
    @MethodSource("rates")
    void theGateKeepsAFaintFarVoiceOut(int rate) throws Exception {
        List<short[]> faint =
                sentences(rate).stream().map(s -> Signals.scale(s, rate, -60)).toList();
        Scene scene = Scene.of("faint voice -60 dBFS", rate, 2.0, background("silence", 0), faint);
        Vad modelAlone = new Vad("webrtc-model-only", preset(rate).vad()) {
            @Override
            protected SpeechScorer newScorer() {
                return new WebRtcSpeechScorer();
            }
        };

        Scene.Detection gated = scene.detect(new WebRtcVad(preset(rate)));
        Scene.Detection ungated = scene.detect(modelAlone);

        log.info(
                "{}: gated {} utterances, model alone {}",
                scene,
                gated.utterances().size(),
                ungated.utterances().size());
        assertThat(gated.events()).isEmpty();
        assertThat(ungated.utterances()).isNotEmpty();
    }

    static Stream<Integer> rates() {
        return Stream.of(8_000, 48_000);
    }

    private static WebRtcVadOptions preset(int rate) {
        return rate == 8_000 ? WebRtcVadOptions.telephone() : WebRtcVadOptions.web();
    }

    /** Four sentences: German and Russian at -26 dBFS, English at -30, a short German reply. */
    private static List<short[]> sentences(int rate) {
        return SENTENCES.computeIfAbsent(rate, r -> {
            try {
                return List.of(
                        Signals.speech(
                                "de",
                                "Guten Tag, ich möchte gerne einen Termin für nächste Woche vereinbaren.",
                                r,
                                -26),
                        Signals.speech("ru", "Здравствуйте, я хотел бы записаться на приём.", r, -26),
                        Signals.speech("en", "Yes, Tuesday at nine would be fine, thank you.", r, -30),
                        Signals.speech("de", "Ja, genau.", r, -26));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static Scene.Background background(String kind, double dbfs) {
        return (rate, length) -> {
            double seconds = length / (double) rate;
            short[] made = switch (kind) {
                case "silence" -> new short[length];
                case "white" -> Signals.whiteNoise(rate, seconds, dbfs, 11);
                case "pink" -> Signals.pinkNoise(rate, seconds, dbfs, 12);
                case "hum" -> Signals.hum(rate, seconds, dbfs);
                case "pink+hum" ->
                    Signals.mix(Signals.pinkNoise(rate, seconds, dbfs, 13), Signals.hum(rate, seconds, dbfs), 0);
                default -> throw new IllegalArgumentException(kind);
            };
            return Arrays.copyOf(made, length);
        };
    }

    private static String percent(double share) {
        return String.format("%.1f %%", 100 * share);
    }
}
