package dev.sofia.bench;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.AudioLevels;
import dev.sofia.agents.audio.ToneGenerator;
import dev.sofia.agents.espeak.EspeakTts;
import dev.sofia.agents.espeak.EspeakTtsOptions;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.SynthesizedAudio;
import java.util.ArrayList;
import java.util.List;

/**
 * The audio of the voice benchmark: the caller's utterances (German sentences spoken by espeak-ng
 * when the run starts, so both frameworks' VADs hear real speech) and the agent's answer that the
 * fake speech endpoint streams (a tone, so its first frame is unmistakable to an energy detector).
 *
 * <p>Each utterance is cut to its audible part: leading and trailing 10 ms frames at or below
 * {@link #AUDIBLE_DBFS} are dropped, so the last frame the caller sends is speech and "end of caller
 * speech" is the instant that frame went out.
 */
final class VoiceSpeech {

    /** A 10 ms frame above this level counts as audible, for the caller's speech and the agent's answer alike. */
    static final double AUDIBLE_DBFS = -40;

    /** No commas or trailing conjunctions: one utterance each, and no "sounds unfinished" endpointing. */
    static final List<String> SENTENCES = List.of(
            "Haben Sie morgen noch etwas frei?",
            "Kann ich am Freitag kommen?",
            "Ich möchte meinen Termin verschieben.",
            "Wann haben Sie heute geöffnet?");

    /** What the fake recogniser hears and the fake model answers (one sentence, so one synthesis). */
    static final String TRANSCRIPT = "Haben Sie morgen noch etwas frei?";

    static final List<String> ANSWER_PIECES = List.of("Ja", " morgen", " um zehn", " Uhr ist", " noch frei.");

    static final double ANSWER_HZ = 660;
    static final int ANSWER_MILLIS = 400;

    private VoiceSpeech() {}

    /** One caller utterance at one sample rate. */
    record Utterance(String text, AudioFrame audio) {

        long durationMillis() {
            return audio.durationNanos() / 1_000_000;
        }

        /** The audio as 10 ms frames. */
        List<AudioFrame> frames() {
            int step = AudioFrame.samplesPer10ms(audio.sampleRate());
            List<AudioFrame> frames = new ArrayList<>();
            short[] all = audio.samples();
            for (int at = 0; at + step <= all.length; at += step) {
                short[] part = new short[step];
                System.arraycopy(all, at, part, 0, step);
                frames.add(new AudioFrame(part, audio.sampleRate(), 1));
            }
            return frames;
        }
    }

    /** Every sentence spoken by espeak-ng at {@code sampleRate}, cut to its audible part. */
    static List<Utterance> utterances(int sampleRate) throws InterruptedException {
        EspeakTts espeak = new EspeakTts(EspeakTtsOptions.forLanguage("de").withSampleRate(sampleRate));
        List<Utterance> utterances = new ArrayList<>();
        for (String sentence : SENTENCES) {
            List<AudioFrame> pieces = new ArrayList<>();
            try (ChunkedSynthesis synthesis = espeak.synthesize(sentence)) {
                for (SynthesizedAudio audio = synthesis.next(); audio != null; audio = synthesis.next()) {
                    if (audio.frame().samplesPerChannel() > 0) {
                        pieces.add(audio.frame());
                    }
                }
            }
            utterances.add(new Utterance(sentence, cutToAudible(AudioFrame.concat(pieces))));
        }
        return utterances;
    }

    /** The audio from its first to its last audible 10 ms frame, in whole frames. */
    static AudioFrame cutToAudible(AudioFrame audio) {
        int step = AudioFrame.samplesPer10ms(audio.sampleRate());
        short[] all = audio.samples();
        int frames = all.length / step;
        int first = -1;
        int last = -1;
        for (int i = 0; i < frames; i++) {
            short[] part = new short[step];
            System.arraycopy(all, i * step, part, 0, step);
            if (AudioLevels.dbfs(new AudioFrame(part, audio.sampleRate(), 1)) > AUDIBLE_DBFS) {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0) {
            throw new IllegalStateException("espeak-ng produced no audible speech");
        }
        short[] cut = new short[(last - first + 1) * step];
        System.arraycopy(all, first * step, cut, 0, cut.length);
        return new AudioFrame(cut, audio.sampleRate(), 1);
    }

    /** The answer as OpenAI's {@code pcm} format: 24 kHz, 16-bit little-endian mono. */
    static byte[] answerPcm() {
        AudioFrame tone = new ToneGenerator(ANSWER_HZ, 0.3, 24_000, 1).next(24 * ANSWER_MILLIS);
        return tone.toLittleEndianBytes();
    }

    static boolean audible(AudioFrame frame) {
        return AudioLevels.dbfs(frame) > AUDIBLE_DBFS;
    }
}
