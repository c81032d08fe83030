package dev.sofia.agents.deepgram;

import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderWebSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * Deepgram's side of a {@link ProviderWebSocket}: the events the stream's thread reads in order (the
 * socket's messages and the sender's news) and how to connect.
 */
final class DeepgramSocket {

    /** What the stream's thread waits for: the socket's messages and the sender's news. */
    sealed interface Event {}

    record Text(String json) implements Event {}

    record Closed(int code, String reason) implements Event {}

    record Failed(ProviderException error) implements Event {}

    /** The sender has sent (or is about to send) {@code CloseStream}. */
    record InputEnded() implements Event {}

    private static final ProviderWebSocket.Events<Event> EVENTS =
            new ProviderWebSocket.Events<>(Text::new, Closed::new, Failed::new);

    private DeepgramSocket() {}

    /** Opens the socket, waiting at most {@code timeout} for the handshake. */
    static ProviderWebSocket<Event> open(HttpClient client, URI uri, String apiKey, String label, Duration timeout)
            throws InterruptedException {
        return ProviderWebSocket.open(client, uri, Map.of("Authorization", "Token " + apiKey), label, timeout, EVENTS);
    }
}
