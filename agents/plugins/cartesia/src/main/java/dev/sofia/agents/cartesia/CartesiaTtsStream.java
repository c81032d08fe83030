package dev.sofia.agents.cartesia;

import dev.sofia.agents.cartesia.CartesiaSocket.EmptySegment;
import dev.sofia.agents.cartesia.CartesiaSocket.Event;
import dev.sofia.agents.cartesia.CartesiaSocket.Failed;
import dev.sofia.agents.cartesia.CartesiaSocket.Flushed;
import dev.sofia.agents.cartesia.CartesiaSocket.InputEnded;
import dev.sofia.agents.cartesia.CartesiaSocket.Opened;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderWebSocket;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.agents.tts.SynthesizedAudio;
import dev.sofia.agents.tts.TtsStream;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Text streamed to Cartesia as it is generated: one WebSocket per stream, one context per segment.
 * A sender thread passes each text piece on at once with {@code continue: true} (Cartesia keeps the
 * prosody across pieces) and ends the segment on {@code flush()} with an empty transcript and {@code
 * continue: false}; the stream's own thread delivers the audio ({@link CartesiaReceiver}). The
 * segment id of the audio is the context id. A retry (only before the first audio) sends again the
 * text the failed attempt had read.
 */
final class CartesiaTtsStream extends TtsStream {

    private final CartesiaTtsOptions settings;
    private final HttpClient http;
    // What earlier attempts read from the input before any audio came. The core reruns a failed
    // attempt with the input not read yet; without this the text already read would go unspoken.
    private final List<Object> taken = new ArrayList<>();
    private volatile boolean delivered;

    CartesiaTtsStream(CartesiaTts tts, CartesiaTtsOptions settings, HttpClient http, ConnectOptions options) {
        super(tts, options);
        this.settings = settings;
        this.http = http;
    }

    @Override
    protected void run(StreamInput<String> in, Consumer<SynthesizedAudio> out) throws Exception {
        String label = provider().label();
        ProviderWebSocket<Event> socket =
                CartesiaSocket.open(http, settings, label, options().timeout());
        Thread sender = Thread.ofVirtual().name(label + "-send").start(() -> send(in, socket));
        Consumer<SynthesizedAudio> delivering = audio -> {
            delivered = true; // from now on a failure is final: the core retries only before audio
            out.accept(audio);
        };
        try {
            new CartesiaReceiver(label, settings.sampleRate(), options().timeout(), delivering).run(socket);
        } finally {
            sender.interrupt();
            socket.abort();
            sender.join();
        }
    }

    /** The next input item, kept for a rerun as long as no audio came (only the sender thread). */
    private Object take(StreamInput<String> in) throws InterruptedException {
        Object item = in.next();
        if (delivered) {
            taken.clear();
        } else {
            taken.add(item);
        }
        return item;
    }

    /** The sender thread; each segment is posted to the reader before its text goes out. */
    private void send(StreamInput<String> in, ProviderWebSocket<Event> socket) {
        @Nullable String context = null;
        Iterator<Object> replay = List.copyOf(taken).iterator(); // the last sender has ended
        try {
            while (true) {
                Object item = replay.hasNext() ? replay.next() : take(in);
                if (StreamInput.isData(item)) {
                    if (context == null) {
                        context = UUID.randomUUID().toString();
                        socket.post(new Opened(context));
                    }
                    socket.sendText(CartesiaMessages.generation(settings, context, (String) item, true));
                    continue;
                }
                if (context != null) {
                    socket.post(new Flushed(context));
                    socket.sendText(CartesiaMessages.generation(settings, context, "", false));
                    context = null;
                } else if (item == StreamInput.FLUSH) {
                    socket.post(new EmptySegment(UUID.randomUUID().toString()));
                }
                if (item == StreamInput.END) {
                    socket.post(new InputEnded());
                    return;
                }
            }
        } catch (InterruptedException e) {
            // the reader finished or the stream was closed
        } catch (ProviderException e) {
            socket.post(new Failed(e));
        } catch (RuntimeException e) {
            socket.post(new Failed(ProviderException.unexpected(provider().label(), e)));
        }
    }
}
