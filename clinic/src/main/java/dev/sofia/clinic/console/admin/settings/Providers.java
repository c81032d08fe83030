package dev.sofia.clinic.console.admin.settings;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The speech and language providers Sofia runs with, for display only: they are set in the
 * environment ({@code SOFIA_LLM}, {@code SOFIA_STT}, {@code SOFIA_TTS} and the providers' keys,
 * README "Configuration") and checked at start-up. Read from the same {@code sofia.receptionist.*}
 * properties the receptionist binds, with its defaults. A key is shown only as set or not set.
 */
@Component
class Providers {

    private static final String P = "sofia.receptionist.";

    private final Environment env;

    Providers(Environment env) {
        this.env = env;
    }

    /**
     * One provider in use.
     *
     * @param purpose llm, stt or tts
     * @param provider the configured value (offline, openai, deepgram, espeak …)
     * @param model the model or voice it uses, when it has one
     * @param variable the environment variable that chooses it
     * @param keyVariable the variable holding its key, when it needs one
     * @param keySet whether that key is set
     */
    record Provider(
            String purpose,
            String provider,
            @Nullable String model,
            String variable,
            @Nullable String keyVariable,
            boolean keySet) {}

    List<Provider> inUse() {
        String llm = get("llm", "offline");
        String stt = get("stt", "none");
        String tts = get("tts", "espeak");
        return List.of(
                switch (llm) {
                    case "openai" -> keyed("llm", llm, get("openai.llm-model", "gpt-4o-mini"), "SOFIA_LLM", "openai");
                    default -> new Provider("llm", llm, null, "SOFIA_LLM", null, false);
                },
                switch (stt) {
                    case "openai" ->
                        keyed("stt", stt, get("openai.stt-model", "gpt-4o-transcribe"), "SOFIA_STT", "openai");
                    case "deepgram" -> keyed("stt", stt, get("deepgram.model", "nova-3"), "SOFIA_STT", "deepgram");
                    default -> new Provider("stt", stt, null, "SOFIA_STT", null, false);
                },
                switch (tts) {
                    case "openai" ->
                        keyed(
                                "tts",
                                tts,
                                get("openai.tts-model", "gpt-4o-mini-tts") + " · " + get("openai.tts-voice", "ash"),
                                "SOFIA_TTS",
                                "openai");
                    case "cartesia" -> keyed("tts", tts, get("cartesia.model", "sonic-2"), "SOFIA_TTS", "cartesia");
                    case "espeak" -> new Provider("tts", tts, "espeak-ng", "SOFIA_TTS", null, false);
                    default -> new Provider("tts", tts, null, "SOFIA_TTS", null, false);
                });
    }

    private Provider keyed(String purpose, String provider, String model, String variable, String vendor) {
        String keyVariable = vendor.toUpperCase(java.util.Locale.ROOT) + "_API_KEY";
        String key = env.getProperty(P + vendor + ".api-key");
        return new Provider(purpose, provider, model, variable, keyVariable, key != null && !key.isBlank());
    }

    private String get(String name, String fallback) {
        String value = env.getProperty(P + name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
