package dev.sofia.agents.cartesia;

import dev.sofia.agents.cartesia.CartesiaSocket.Event;
import dev.sofia.agents.cartesia.CartesiaSocket.Flushed;
import dev.sofia.agents.cartesia.CartesiaSocket.InputEnded;
import dev.sofia.agents.cartesia.CartesiaSocket.Opened;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderWebSocket;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.SynthesizedAudio;
import java.net.http.HttpClient;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One text spoken over the same WebSocket protocol as a stream: a single context, the whole text
 * with {@code continue: false}. One code path for both, and the audio starts as early as it would in
 * a stream, which {@code POST /tts/bytes} would not improve on.
 */
final class CartesiaSynthesis extends ChunkedSynthesis {

    private final CartesiaTtsOptions settings;
    private final HttpClient http;

    CartesiaSynthesis(
            CartesiaTts tts, CartesiaTtsOptions settings, HttpClient http, String text, ConnectOptions options) {
        super(tts, text, options);
        this.settings = settings;
        this.http = http;
    }

    @Override
    protected void run(StreamInput<Void> in, Consumer<SynthesizedAudio> out) throws Exception {
        String label = provider().label();
        ProviderWebSocket<Event> socket =
                CartesiaSocket.open(http, settings, label, options().timeout());
        try {
            String context = UUID.randomUUID().toString();
            socket.post(new Opened(context));
            socket.post(new Flushed(context));
            socket.post(new InputEnded());
            socket.sendText(CartesiaMessages.generation(settings, context, text(), false));
            new CartesiaReceiver(label, settings.sampleRate(), options().timeout(), out).run(socket);
        } finally {
            socket.abort();
        }
    }
}
