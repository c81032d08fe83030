package dev.sofia.clinic.receptionist.providers;

import dev.sofia.agents.cartesia.CartesiaTts;
import dev.sofia.agents.cartesia.CartesiaTtsOptions;
import dev.sofia.agents.deepgram.DeepgramStt;
import dev.sofia.agents.deepgram.DeepgramSttOptions;
import dev.sofia.agents.espeak.EspeakTts;
import dev.sofia.agents.espeak.EspeakTtsOptions;
import dev.sofia.agents.fallback.FallbackLlm;
import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.openai.OpenAiLlm;
import dev.sofia.agents.openai.OpenAiLlmOptions;
import dev.sofia.agents.openai.OpenAiStt;
import dev.sofia.agents.openai.OpenAiSttOptions;
import dev.sofia.agents.openai.OpenAiTts;
import dev.sofia.agents.openai.OpenAiTtsOptions;
import dev.sofia.agents.stt.Stt;
import dev.sofia.agents.tts.SwitchingTts;
import dev.sofia.agents.tts.Tts;
import dev.sofia.agents.vad.Vad;
import dev.sofia.agents.webrtc.WebRtcVad;
import dev.sofia.agents.webrtc.WebRtcVadOptions;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import dev.sofia.clinic.receptionist.offline.OfflineDialog;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The providers each call gets, as configured ({@link ReceptionistProperties}): the model (the
 * configured LLM with the offline dialog engine behind it, or the engine alone), the speech
 * recognition (none: the caller types), the voice (one per language, switched with the caller's
 * language) and the VAD (tuned for the phone or the web). Stateless providers are shared by all
 * calls; the offline engine keeps one dialog per call.
 */
@Component
public class ReceptionistProviders {

    static final List<String> LANGUAGES = List.of("de", "en", "ru");

    private final ReceptionistProperties properties;
    private final ReceptionistServices services;
    private final Optional<Llm> cloudLlm;
    private final Map<String, Tts> voices;

    ReceptionistProviders(ReceptionistProperties properties, ReceptionistServices services) {
        this.properties = properties;
        this.services = services;
        this.cloudLlm = switch (properties.llm()) {
            case "openai" ->
                Optional.of(new OpenAiLlm(OpenAiLlmOptions.of(openAiKey())
                        .withBaseUrl(properties.openai().baseUrl())
                        .withModel(properties.openai().llmModel())));
            default -> Optional.empty();
        };
        this.voices = voices();
    }

    /** The model for one call: the cloud LLM first (if any), the offline engine when it fails. */
    public Llm llm(ReceptionistCall call) {
        OfflineDialog offline = new OfflineDialog(services, call);
        return cloudLlm.<Llm>map(cloud -> new FallbackLlm(List.of(cloud, offline)))
                .orElse(offline);
    }

    /** Ends what a call's model keeps running (the fallback's probes of a failed cloud model). */
    public static void release(Llm llm) {
        if (llm instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not release " + llm.label(), e);
            }
        }
    }

    /** Speech recognition in the call's language, or empty when the practice configured none. */
    public Optional<Stt> stt(ReceptionistCall call, int sampleRate) {
        String language = call.language();
        return switch (properties.stt()) {
            case "deepgram" ->
                Optional.of(new DeepgramStt(DeepgramSttOptions.of(
                                Objects.requireNonNull(properties.deepgram().apiKey(), "DEEPGRAM_API_KEY"))
                        .withBaseUrl(URI.create(properties.deepgram().baseUrl()))
                        .withModel(properties.deepgram().model())
                        // nova-3's "multi" follows a caller who switches between German and English
                        .withLanguage(language.equals("ru") ? "ru" : "multi")
                        .withSampleRate(sampleRate <= 8000 ? 8000 : 16000)));
            case "openai" ->
                Optional.of(new OpenAiStt(OpenAiSttOptions.of(openAiKey())
                        .withBaseUrl(properties.openai().baseUrl())
                        .withModel(properties.openai().sttModel())));
            default -> Optional.empty();
        };
    }

    /** The sample rate Deepgram is fed at (the room resamples to it), or 16 kHz. */
    public int sttSampleRate(ReceptionistCall call) {
        return call.channel() == ReceptionistCall.Channel.PHONE ? 8000 : 16000;
    }

    /** The voice, following the call's language. */
    public Tts tts(ReceptionistCall call) {
        return new SwitchingTts(voices, "de", call::language);
    }

    public Vad vad(ReceptionistCall call) {
        return new WebRtcVad(
                call.channel() == ReceptionistCall.Channel.PHONE
                        ? WebRtcVadOptions.telephone()
                        : WebRtcVadOptions.web());
    }

    /** What is configured, for the start-up log (no keys). */
    public String describe() {
        return "llm=" + properties.llm() + (cloudLlm.isPresent() ? "+offline" : "") + ", stt=" + properties.stt()
                + ", tts=" + properties.tts();
    }

    private Map<String, Tts> voices() {
        Map<String, Tts> byLanguage = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            byLanguage.put(language, voice(language));
        }
        return byLanguage;
    }

    private Tts voice(String language) {
        return switch (properties.tts()) {
            case "cartesia" ->
                new CartesiaTts(CartesiaTtsOptions.of(
                                Objects.requireNonNull(properties.cartesia().apiKey(), "CARTESIA_API_KEY"),
                                Objects.requireNonNull(properties.cartesia().voiceId(), "CARTESIA_VOICE_ID"))
                        .withBaseUrl(URI.create(properties.cartesia().baseUrl()))
                        .withModel(properties.cartesia().model())
                        .withLanguage(language));
            case "openai" ->
                new OpenAiTts(OpenAiTtsOptions.of(openAiKey())
                        .withBaseUrl(properties.openai().baseUrl())
                        .withModel(properties.openai().ttsModel())
                        .withVoice(properties.openai().ttsVoice()));
            default -> new EspeakTts(EspeakTtsOptions.forLanguage(language));
        };
    }

    private String openAiKey() {
        return Objects.requireNonNull(properties.openai().apiKey(), "OPENAI_API_KEY");
    }
}
