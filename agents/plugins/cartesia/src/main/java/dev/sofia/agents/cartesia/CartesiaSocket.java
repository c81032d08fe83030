package dev.sofia.agents.cartesia;

import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderWebSocket;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/**
 * Cartesia's side of a {@link ProviderWebSocket}: the events the stream's thread reads in order,
 * which besides the socket's own messages include what the sender tells it about the segments it
 * opened, and how to connect.
 */
final class CartesiaSocket {

    /** What the stream's thread waits for. */
    sealed interface Event {}

    record Text(String json) implements Event {}

    record Closed(int code, String reason) implements Event {}

    record Failed(ProviderException error) implements Event {}

    /** The sender sends the first text of context {@code id} (a segment). */
    record Opened(String id) implements Event {}

    /** The sender ends context {@code id}: its audio is due now. */
    record Flushed(String id) implements Event {}

    /** A flush with no text before it: a segment without audio. */
    record EmptySegment(String id) implements Event {}

    /** No more input: the stream ends once every segment is done. */
    record InputEnded() implements Event {}

    private static final ProviderWebSocket.Events<Event> EVENTS =
            new ProviderWebSocket.Events<>(Text::new, Closed::new, Failed::new);

    private CartesiaSocket() {}

    /** Opens the socket, waiting at most {@code timeout} for the handshake. */
    static ProviderWebSocket<Event> open(HttpClient client, CartesiaTtsOptions settings, String label, Duration timeout)
            throws InterruptedException {
        Map<String, String> headers = Map.of("X-API-Key", settings.apiKey(), "Cartesia-Version", settings.version());
        return ProviderWebSocket.open(client, settings.websocketUri(), headers, label, timeout, EVENTS);
    }
}
