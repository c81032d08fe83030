package dev.sofia.agents.deepgram;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.deepgram.DeepgramSocket.Closed;
import dev.sofia.agents.deepgram.DeepgramSocket.Event;
import dev.sofia.agents.deepgram.DeepgramSocket.Failed;
import dev.sofia.agents.deepgram.DeepgramSocket.InputEnded;
import dev.sofia.agents.deepgram.DeepgramSocket.Text;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderTimeoutException;
import dev.sofia.agents.provider.ProviderWebSocket;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.stt.SttStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One Deepgram live transcription: a WebSocket to {@code /v1/listen}; a sender thread writes the
 * audio as binary messages, a {@code KeepAlive} after a pause in the audio, {@code Finalize} on
 * {@code flush()} and {@code CloseStream} at the end of input; the stream's own thread reads the
 * results until Deepgram closes the socket after {@code CloseStream}. A connection lost before that
 * is a retryable failure, and the core opens a new socket for the audio still queued.
 */
final class DeepgramSttStream extends SttStream {

    private static final String KEEP_ALIVE = "{\"type\":\"KeepAlive\"}";
    private static final String FINALIZE = "{\"type\":\"Finalize\"}";
    private static final String CLOSE_STREAM = "{\"type\":\"CloseStream\"}";

    private final DeepgramSttOptions settings;
    private final HttpClient http;

    DeepgramSttStream(
            DeepgramStt stt,
            DeepgramSttOptions settings,
            HttpClient http,
            @Nullable String language,
            ConnectOptions options) {
        super(stt, language, options);
        this.settings = settings;
        this.http = http;
    }

    @Override
    protected void run(StreamInput<AudioFrame> in, Consumer<SpeechEvent> out) throws Exception {
        String label = provider().label();
        Duration timeout = options().timeout();
        ProviderWebSocket<Event> socket = DeepgramSocket.open(
                http, DeepgramUris.streaming(settings, language()), settings.apiKey(), label, timeout);
        Thread sender = Thread.ofVirtual().name(label + "-send").start(() -> send(in, socket));
        try {
            receive(socket, new DeepgramEvents(label, language() != null ? language() : settings.language(), out));
        } finally {
            sender.interrupt();
            socket.abort();
            sender.join();
        }
    }

    /** Reads results until Deepgram closes the socket after {@code CloseStream}. */
    private void receive(ProviderWebSocket<Event> socket, DeepgramEvents events) throws InterruptedException {
        String label = provider().label();
        Duration timeout = options().timeout();
        long deadline = Long.MAX_VALUE;
        while (true) {
            Event event;
            if (deadline == Long.MAX_VALUE) {
                event = socket.take();
            } else {
                event = socket.poll(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                if (event == null) {
                    throw new ProviderTimeoutException(label, "final results after CloseStream", timeout);
                }
            }
            switch (event) {
                case Text text -> events.handle(text.json());
                case InputEnded ended -> deadline = System.nanoTime() + timeout.toNanos();
                case Closed closed -> {
                    if (closed.code() == 1000 && deadline != Long.MAX_VALUE) {
                        return; // all results delivered
                    }
                    throw DeepgramEvents.closed(label, closed.code(), closed.reason());
                }
                case Failed failed -> throw failed.error();
            }
        }
    }

    /** The sender thread: input to the socket; its failures go to the reader as events. */
    private void send(StreamInput<AudioFrame> in, ProviderWebSocket<Event> socket) {
        try {
            while (true) {
                Object item = in.poll(settings.keepAliveInterval());
                if (item == null) {
                    socket.sendText(KEEP_ALIVE);
                } else if (item == StreamInput.FLUSH) {
                    socket.sendText(FINALIZE);
                } else if (item == StreamInput.END) {
                    // posted first: Deepgram's closing answer may arrive before sendText returns
                    socket.post(new InputEnded());
                    socket.sendText(CLOSE_STREAM);
                    return;
                } else {
                    socket.sendBinary(pcm((AudioFrame) item));
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

    private byte[] pcm(AudioFrame frame) {
        if (frame.sampleRate() != settings.sampleRate() || frame.channels() != 1) {
            // the rate is fixed in the URL when the socket opens; a mismatch would garble every result
            throw new ProviderException(
                    provider().label(), "expected mono " + settings.sampleRate() + " Hz audio, got " + frame, false);
        }
        return frame.toLittleEndianBytes();
    }
}
