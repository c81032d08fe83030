package dev.sofia.agents.cartesia;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.Tts;
import dev.sofia.agents.tts.TtsCapabilities;
import dev.sofia.agents.tts.TtsStream;
import java.net.http.HttpClient;

/**
 * Cartesia text-to-speech over its WebSocket API ({@code /tts/websocket}) with the JDK's client, no
 * vendor SDK: text streams in piece by piece (capabilities: streaming), raw {@code pcm_s16le} mono
 * comes back at the configured rate. Failures as {@link Tts} describes: a refused handshake is a
 * {@link ProviderStatusException} (401 not retried, 429 and 5xx retried before the first audio), a
 * dropped connection a {@code ProviderConnectionException}, Cartesia's {@code error} messages a
 * provider exception retryable as their status is.
 */
public final class CartesiaTts extends Tts {

    private final CartesiaTtsOptions settings;
    private final HttpClient http;

    public CartesiaTts(CartesiaTtsOptions settings) {
        super("cartesia.tts", new TtsCapabilities(true, settings.sampleRate(), 1));
        this.settings = settings;
        this.http = HttpClient.newHttpClient();
    }

    public CartesiaTtsOptions settings() {
        return settings;
    }

    @Override
    protected ChunkedSynthesis newSynthesis(String text, ConnectOptions options) {
        return new CartesiaSynthesis(this, settings, http, text, options);
    }

    @Override
    protected TtsStream newStream(ConnectOptions options) {
        return new CartesiaTtsStream(this, settings, http, options);
    }

    @Override
    public String toString() {
        return label() + " " + settings;
    }
}
