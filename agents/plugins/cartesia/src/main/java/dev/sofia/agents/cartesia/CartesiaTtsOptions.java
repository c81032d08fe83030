package dev.sofia.agents.cartesia;

import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How {@link CartesiaTts} talks to Cartesia: the API key, the endpoint ({@code
 * wss://api.cartesia.ai}), the API version ({@code Cartesia-Version}), the model and voice, the
 * language, the output rate (raw {@code pcm_s16le} mono) and an optional speed. Start from {@link
 * #of(String, String)} and change what differs with the {@code with…} methods. {@link #toString()}
 * never shows the key.
 *
 * @param speed {@code null} for the voice's own pace; sonic-3 models read it as a ratio (0.6–1.5,
 *     {@code generation_config.speed}), sonic-2 as -1…1 around 0 (the voice's experimental
 *     controls), as Cartesia moved the control between model families
 * @param wordTimestamps whether to ask for word timestamps, which fill {@code
 *     SynthesizedAudio.text}
 */
public record CartesiaTtsOptions(
        String apiKey,
        URI baseUrl,
        String version,
        String model,
        String voiceId,
        String language,
        int sampleRate,
        @Nullable Double speed,
        boolean wordTimestamps) {

    /** Cartesia's public endpoint. */
    public static final URI DEFAULT_BASE_URL = URI.create("wss://api.cartesia.ai");

    /** The API version this plugin speaks (header authentication with {@code X-API-Key}). */
    public static final String DEFAULT_VERSION = "2025-04-16";

    private static final Set<Integer> SAMPLE_RATES = Set.of(8000, 16000, 22050, 24000, 44100, 48000);

    public CartesiaTtsOptions {
        if (apiKey.isBlank() || voiceId.isBlank()) {
            throw new IllegalArgumentException("a Cartesia API key and a voice id are required");
        }
        String scheme = String.valueOf(baseUrl.getScheme());
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("baseUrl must be ws:// or wss://: " + baseUrl);
        }
        if (version.isBlank() || model.isBlank() || language.isBlank()) {
            throw new IllegalArgumentException("version, model and language must not be blank");
        }
        if (!SAMPLE_RATES.contains(sampleRate)) {
            throw new IllegalArgumentException("unsupported sample rate: " + sampleRate);
        }
    }

    /** German with {@code sonic-2} at 24 kHz, word timestamps on, the voice's own speed. */
    public static CartesiaTtsOptions of(String apiKey, String voiceId) {
        return new CartesiaTtsOptions(
                apiKey, DEFAULT_BASE_URL, DEFAULT_VERSION, "sonic-2", voiceId, "de", 24000, null, true);
    }

    public CartesiaTtsOptions withBaseUrl(URI url) {
        return new CartesiaTtsOptions(
                apiKey, url, version, model, voiceId, language, sampleRate, speed, wordTimestamps);
    }

    public CartesiaTtsOptions withVersion(String apiVersion) {
        return new CartesiaTtsOptions(
                apiKey, baseUrl, apiVersion, model, voiceId, language, sampleRate, speed, wordTimestamps);
    }

    public CartesiaTtsOptions withModel(String name) {
        return new CartesiaTtsOptions(
                apiKey, baseUrl, version, name, voiceId, language, sampleRate, speed, wordTimestamps);
    }

    public CartesiaTtsOptions withVoiceId(String id) {
        return new CartesiaTtsOptions(apiKey, baseUrl, version, model, id, language, sampleRate, speed, wordTimestamps);
    }

    /** {@code de}, {@code en}, {@code ru}, … (ISO 639-1, as Cartesia expects). */
    public CartesiaTtsOptions withLanguage(String code) {
        return new CartesiaTtsOptions(
                apiKey, baseUrl, version, model, voiceId, code, sampleRate, speed, wordTimestamps);
    }

    public CartesiaTtsOptions withSampleRate(int hz) {
        return new CartesiaTtsOptions(apiKey, baseUrl, version, model, voiceId, language, hz, speed, wordTimestamps);
    }

    public CartesiaTtsOptions withSpeed(@Nullable Double value) {
        return new CartesiaTtsOptions(
                apiKey, baseUrl, version, model, voiceId, language, sampleRate, value, wordTimestamps);
    }

    public CartesiaTtsOptions withWordTimestamps(boolean on) {
        return new CartesiaTtsOptions(apiKey, baseUrl, version, model, voiceId, language, sampleRate, speed, on);
    }

    /** The WebSocket endpoint; the version also as a parameter, which Cartesia documents as required. */
    URI websocketUri() {
        return URI.create(baseUrl + "/tts/websocket?cartesia_version=" + version);
    }

    /** Without the API key. */
    @Override
    public String toString() {
        return "CartesiaTtsOptions[" + baseUrl + ", " + version + ", " + model + ", voice " + voiceId + ", " + language
                + ", " + sampleRate + " Hz" + (speed == null ? "" : ", speed " + speed) + "]";
    }
}
