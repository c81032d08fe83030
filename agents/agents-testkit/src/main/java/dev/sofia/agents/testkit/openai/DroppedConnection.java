package dev.sofia.agents.testkit.openai;

/**
 * Thrown out of a request handler to make the JDK's HTTP server close the socket at once, without
 * ending the chunked body: the client sees the connection drop mid-stream.
 */
final class DroppedConnection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DroppedConnection() {
        super("connection dropped on purpose", null, false, false);
    }
}
