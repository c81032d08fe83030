package dev.sofia.clinic.receptionist.providers;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which providers Sofia uses ({@code sofia.receptionist.*}, from {@code SOFIA_LLM}, {@code SOFIA_STT},
 * {@code SOFIA_TTS} and the providers' keys; checked at start-up with the other variables). With no
 * keys: the offline dialog engine, no speech recognition (text chat only) and espeak-ng's voice —
 * nothing leaves the machine. A provider is only ever called when the practice configured it.
 *
 * @param role {@code all} (HTTP and the agent worker), {@code api} (HTTP only) or {@code worker}
 * @param maxCalls how many calls this process's worker takes at once
 * @param workerLoadThreshold the CPU load (0..1) from which the worker declines calls, so that
 *     LiveKit offers them to another worker; {@code null}: a single worker, which reports only its
 *     share of calls as load (LiveKit offers no call to a worker reporting full load, which a busy
 *     CPU would) and declines only at {@code maxCalls}
 */
@ConfigurationProperties("sofia.receptionist")
public record ReceptionistProperties(
        @DefaultValue("all") String role,
        @DefaultValue("20") int maxCalls,
        @Nullable Double workerLoadThreshold,
        @DefaultValue("offline") String llm,
        @DefaultValue("none") String stt,
        @DefaultValue("espeak") String tts,
        @DefaultValue OpenAi openai,
        @DefaultValue Deepgram deepgram,
        @DefaultValue Cartesia cartesia) {

    /** OpenAI or any OpenAI-compatible API (Azure, Groq, Mistral, vLLM, Ollama …). */
    public record OpenAi(
            @Nullable String apiKey,
            @DefaultValue("https://api.openai.com/v1") String baseUrl,
            @DefaultValue("gpt-4o-mini") String llmModel,
            @DefaultValue("gpt-4o-transcribe") String sttModel,
            @DefaultValue("gpt-4o-mini-tts") String ttsModel,
            @DefaultValue("ash") String ttsVoice) {}

    /** Deepgram streaming speech recognition. */
    public record Deepgram(
            @Nullable String apiKey,
            @DefaultValue("wss://api.deepgram.com") String baseUrl,
            @DefaultValue("nova-3") String model) {}

    /** Cartesia streaming voices, one voice id for all languages unless set per language. */
    public record Cartesia(
            @Nullable String apiKey,
            @DefaultValue("wss://api.cartesia.ai") String baseUrl,
            @DefaultValue("sonic-2") String model,
            @Nullable String voiceId) {}

    public boolean runsWorker() {
        return role.equals("all") || role.equals("worker");
    }
}
