package dev.sofia.agents.testkit.websocket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.WebSocket;

/**
 * What the WebSocket fakes share: a MockWebServer on loopback (free port) answering every request
 * through one function, on sockets that can be broken without a close frame ({@link TrackedSockets}).
 */
public final class LoopbackWebSocketServer implements AutoCloseable {

    /** Answers one request (a WebSocket upgrade, or an HTTP error). */
    @FunctionalInterface
    public interface Answer {
        MockResponse answer(RecordedRequest request) throws InterruptedException;
    }

    private final MockWebServer server = new MockWebServer();
    private final TrackedSockets connections = new TrackedSockets();

    private LoopbackWebSocketServer(Answer answer) {
        server.setServerSocketFactory(connections);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                return answer.answer(request);
            }
        });
    }

    public static LoopbackWebSocketServer start(Answer answer) {
        LoopbackWebSocketServer started = new LoopbackWebSocketServer(answer);
        try {
            started.server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return started;
    }

    /** {@code ws://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return URI.create("ws://" + server.getHostName() + ":" + server.getPort());
    }

    /** Breaks connection {@code index} the hard way (see {@link TrackedSockets#drop}). */
    public void drop(int index, WebSocket socket) {
        connections.drop(index, socket);
    }

    @Override
    public void close() {
        server.close();
    }
}
