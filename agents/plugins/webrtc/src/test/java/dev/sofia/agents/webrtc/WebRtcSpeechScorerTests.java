package dev.sofia.agents.webrtc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.agents.audio.AudioFrame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebRtcSpeechScorerTests {

    private static final int RATE = 48_000;

    @ParameterizedTest
    @ValueSource(ints = {44_100, 22_050, 24_000, 11_025})
    void refusesRatesThatWouldAbortTheNativeSide(int rate) {
        try (WebRtcSpeechScorer scorer = new WebRtcSpeechScorer()) {
            assertThatThrownBy(() -> scorer.speechProbability(AudioFrame.silence(rate, 1, rate / 100)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("8, 16, 32 or 48 kHz");
        }
    }

    @Test
    void hearsSpeechAndNotSilence() throws Exception {
        short[] speech = Signals.speech("de", "Guten Tag, wie kann ich helfen?", RATE, -26);
        short[] audio = concat(new short[RATE], speech);

        List<Double> p = probabilities(audio, RATE / 100);

        assertThat(p.subList(0, 100)).allSatisfy(v -> assertThat(v).isLessThan(0.1)); // the silent second
        long speechFrames =
                p.subList(100, p.size()).stream().filter(v -> v >= 0.5).count();
        assertThat(speechFrames).isGreaterThan((p.size() - 100) / 3);
    }

    @Test
    void saysNothingBeforeTheModelsFirstEstimate() {
        // libwebrtc reports 1.0 until it has analysed 30 ms; that must not read as speech.
        try (WebRtcSpeechScorer scorer = new WebRtcSpeechScorer()) {
            short[] noise = Signals.whiteNoise(RATE, 0.01, -30, 5);
            assertThat(scorer.speechProbability(new AudioFrame(noise, RATE, 1))).isZero();
            assertThat(scorer.speechProbability(new AudioFrame(noise, RATE, 1))).isZero();
        }
    }

    @Test
    void framesOfAnyLengthScoreAsTheirTenMillisecondBlocksWould() throws Exception {
        short[] speech = Signals.speech("en", "Good morning, how can I help you?", RATE, -26);

        List<Double> tenMs = probabilities(speech, 480);
        List<Double> sevenMs = probabilities(speech, 336);

        // After every 70 ms both have seen the same whole blocks.
        for (int t = 70; t / 10 <= tenMs.size() && t / 7 <= sevenMs.size(); t += 70) {
            assertThat(sevenMs.get(t / 7 - 1)).as("at %d ms", t).isEqualTo(tenMs.get(t / 10 - 1));
        }
    }

    @Test
    void averagesStereoToMono() throws Exception {
        short[] mono = Signals.speech("ru", "Здравствуйте, чем я могу помочь?", RATE, -26);
        short[] stereo = new short[mono.length * 2];
        for (int i = 0; i < mono.length; i++) {
            stereo[2 * i] = mono[i];
            stereo[2 * i + 1] = mono[i];
        }
        List<Double> fromStereo = new ArrayList<>();
        try (WebRtcSpeechScorer scorer = new WebRtcSpeechScorer()) {
            for (int at = 0; at + 960 <= stereo.length; at += 960) {
                fromStereo.add(
                        scorer.speechProbability(new AudioFrame(Arrays.copyOfRange(stereo, at, at + 960), RATE, 2)));
            }
        }

        assertThat(fromStereo).isEqualTo(probabilities(mono, 480));
    }

    @Test
    void closingFreesTheDetectorOnceAndRefusesMoreWork() {
        WebRtcSpeechScorer scorer = new WebRtcSpeechScorer();
        scorer.speechProbability(AudioFrame.silence10ms(RATE, 1));

        scorer.close();
        scorer.close();

        assertThatThrownBy(() -> scorer.speechProbability(AudioFrame.silence10ms(RATE, 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    private static List<Double> probabilities(short[] audio, int frameLength) {
        List<Double> p = new ArrayList<>();
        try (WebRtcSpeechScorer scorer = new WebRtcSpeechScorer()) {
            for (int at = 0; at + frameLength <= audio.length; at += frameLength) {
                p.add(scorer.speechProbability(
                        new AudioFrame(Arrays.copyOfRange(audio, at, at + frameLength), RATE, 1)));
            }
        }
        return p;
    }

    private static short[] concat(short[] a, short[] b) {
        short[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
