package dev.sofia.agents.espeak;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How {@link EspeakTts} speaks: the espeak-ng {@code voice} (e.g. {@code de}, {@code en-gb}, {@code
 * en-us}, {@code ru}; {@link #forLanguage} picks one), the speed in {@code wordsPerMinute} (80…450,
 * espeak's default 175), the {@code pitch} (0…99, default 50), the {@code binary} to run (a name
 * looked up on {@code PATH}, or a path), and the {@code sampleRate} of the audio handed out. espeak-ng
 * itself always produces 22,050 Hz; any other rate is converted in the plugin.
 */
public record EspeakTtsOptions(String voice, int wordsPerMinute, int pitch, String binary, int sampleRate) {

    /** What espeak-ng produces; choosing it avoids resampling. */
    public static final int NATIVE_SAMPLE_RATE = 22_050;

    /**
     * The default output rate: 22,050 Hz is not a whole number of samples per 10 ms, which WebRTC
     * and the rest of the pipeline work in; 24 kHz is, and is what cloud TTS voices deliver too.
     */
    public static final int DEFAULT_SAMPLE_RATE = 24_000;

    /** Letters, digits and the separators of espeak voice names ({@code en-us}, {@code mb/mb-de1}, {@code de+f3}). */
    private static final Pattern VOICE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_+/-]*");

    public EspeakTtsOptions {
        // The voice becomes a command-line argument: a name starting with '-' would be read as an option.
        if (!VOICE.matcher(voice).matches()) {
            throw new IllegalArgumentException("not an espeak-ng voice name: " + voice);
        }
        if (wordsPerMinute < 80 || wordsPerMinute > 450) {
            throw new IllegalArgumentException("wordsPerMinute must be within 80..450: " + wordsPerMinute);
        }
        if (pitch < 0 || pitch > 99) {
            throw new IllegalArgumentException("pitch must be within 0..99: " + pitch);
        }
        if (binary.isBlank()) {
            throw new IllegalArgumentException("binary must name the espeak-ng executable");
        }
        // Multiples of 100 Hz (10 ms frames) keep the resampler's phase table small (at most 3,840 rows).
        // espeak's own 22050 Hz is not a whole number of samples per 10 ms, which everything after
        // the TTS (pacer, WebRTC) needs: the audio is always resampled to a multiple of 100 Hz
        if (sampleRate < 8_000 || sampleRate > 192_000 || sampleRate % 100 != 0) {
            throw new IllegalArgumentException(
                    "sampleRate must be a multiple of 100 Hz within 8000..192000: " + sampleRate);
        }
    }

    /**
     * The voice for a language: {@code de} → {@code de}, {@code en} → {@code en-gb} ({@code en-US} →
     * {@code en-us}), {@code ru} → {@code ru}; 160 words per minute (a little slower than espeak's
     * default, easier to follow on a phone line), pitch 50, {@code espeak-ng} on {@code PATH}, {@link
     * #DEFAULT_SAMPLE_RATE}.
     *
     * @throws IllegalArgumentException for a language without a chosen voice
     */
    public static EspeakTtsOptions forLanguage(Locale language) {
        String voice = switch (language.getLanguage()) {
            case "de" -> "de";
            case "en" -> "US".equals(language.getCountry()) ? "en-us" : "en-gb";
            case "ru" -> "ru";
            default -> throw new IllegalArgumentException("no espeak-ng voice chosen for " + language);
        };
        return new EspeakTtsOptions(voice, 160, 50, "espeak-ng", DEFAULT_SAMPLE_RATE);
    }

    /** {@link #forLanguage(Locale)} for a language tag such as {@code de}, {@code en-US}, {@code ru}. */
    public static EspeakTtsOptions forLanguage(String languageTag) {
        return forLanguage(Locale.forLanguageTag(languageTag));
    }

    public EspeakTtsOptions withVoice(String newVoice) {
        return new EspeakTtsOptions(newVoice, wordsPerMinute, pitch, binary, sampleRate);
    }

    public EspeakTtsOptions withWordsPerMinute(int rate) {
        return new EspeakTtsOptions(voice, rate, pitch, binary, sampleRate);
    }

    public EspeakTtsOptions withPitch(int newPitch) {
        return new EspeakTtsOptions(voice, wordsPerMinute, newPitch, binary, sampleRate);
    }

    public EspeakTtsOptions withBinary(String path) {
        return new EspeakTtsOptions(voice, wordsPerMinute, pitch, path, sampleRate);
    }

    public EspeakTtsOptions withSampleRate(int rate) {
        return new EspeakTtsOptions(voice, wordsPerMinute, pitch, binary, rate);
    }
}
