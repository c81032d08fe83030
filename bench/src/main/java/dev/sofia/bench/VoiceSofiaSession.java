package dev.sofia.bench;

import dev.sofia.agents.openai.OpenAiLlm;
import dev.sofia.agents.openai.OpenAiLlmOptions;
import dev.sofia.agents.openai.OpenAiStt;
import dev.sofia.agents.openai.OpenAiSttOptions;
import dev.sofia.agents.openai.OpenAiTts;
import dev.sofia.agents.openai.OpenAiTtsOptions;
import dev.sofia.agents.stt.VadSegmentedStt;
import dev.sofia.agents.voice.Agent;
import dev.sofia.agents.voice.AgentSession;
import dev.sofia.agents.voice.AgentSessionOptions;
import dev.sofia.agents.webrtc.WebRtcVad;
import dev.sofia.agents.webrtc.WebRtcVadOptions;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sofia's side of the voice benchmark, the same in process and in the worker: OpenAI's recogniser
 * (one-shot, so cut into utterances by core's {@link VadSegmentedStt}), model and voice, all pointed
 * at the fake servers named in the job's metadata ({@link VoiceProviders#metadata()}), and the WebRTC
 * VAD's web preset with the benchmark's minimum silence. Providers are built once per metadata and
 * shared by the sessions that use them, as one worker shares its HTTP clients; each session opens
 * its own streams (one native VAD detector each).
 */
final class VoiceSofiaSession {

    /** The providers of one set of fake servers. */
    record Providers(WebRtcVad vad, VadSegmentedStt stt, OpenAiLlm llm, OpenAiTts tts, AgentSessionOptions options) {}

    private VoiceSofiaSession() {}

    static Providers providers(String metadata) {
        JsonNode m = JsonMapper.shared().readTree(metadata);
        String key = m.path("api_key").asString();
        Duration minSilence =
                Duration.ofMillis(Math.round(m.path("vad_min_silence").asDouble() * 1000));
        Duration minEndpointing =
                Duration.ofMillis(Math.round(m.path("min_endpointing").asDouble() * 1000));
        WebRtcVadOptions web = WebRtcVadOptions.web();
        WebRtcVad vad = new WebRtcVad(web.withVad(web.vad().withMinSilence(minSilence)));
        OpenAiStt whisper = new OpenAiStt(OpenAiSttOptions.of(key)
                .withBaseUrl(m.path("stt_url").asString())
                .withLanguage("de"));
        OpenAiLlm llm = new OpenAiLlm(
                OpenAiLlmOptions.of(key).withBaseUrl(m.path("llm_url").asString()));
        OpenAiTts tts = new OpenAiTts(
                OpenAiTtsOptions.of(key).withBaseUrl(m.path("tts_url").asString()));
        // Like for like with livekit-agents: no preemptive reply (its TTS is not preemptive either by
        // default, and a reply started on the transcript would hide the model's delay in the
        // endpointing wait), and no spoken "are you still there?" prompts while a caller waits for
        // the other rooms of a step to join (livekit-agents only marks the user away).
        AgentSessionOptions options = AgentSessionOptions.DEFAULT
                .withEndpointing(minEndpointing, AgentSessionOptions.DEFAULT.maxEndpointingDelay())
                .withPreemptiveGeneration(false)
                .withUserAwayTimeout(Duration.ofHours(1));
        return new Providers(vad, new VadSegmentedStt(whisper, vad), llm, tts, options);
    }

    static AgentSession session(Providers p) {
        return AgentSession.builder()
                .vad(p.vad())
                .stt(p.stt())
                .llm(p.llm())
                .tts(p.tts())
                .options(p.options())
                .build();
    }

    static Agent agent() {
        return Agent.of("Sie sind Sofia, die Rezeption einer Arztpraxis. Antworten Sie kurz.", List.of());
    }
}
