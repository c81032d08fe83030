package dev.sofia.agents.testkit.websocket;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ServerSocketFactory;
import okhttp3.WebSocket;

/**
 * Server sockets that remember every connection they accept, so a fake can break one the hard way
 * (TCP close, no WebSocket close frame): the server side of okhttp's WebSocket cannot be cancelled.
 * Connection {@code n} is the one MockWebServer reports as {@code connectionIndex} {@code n}.
 */
public final class TrackedSockets extends ServerSocketFactory {

    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    /**
     * Breaks connection {@code index} once {@code socket} has written what it was given: a FIN
     * after the last whole frame (a frame cut in half leaves the JDK's client waiting for its rest
     * instead of seeing the end), the socket closed soon after.
     */
    public void drop(int index, WebSocket socket) {
        try {
            for (int i = 0; i < 200 && socket.queueSize() > 0; i++) {
                Thread.sleep(5);
            }
            // okhttp counts a frame as sent when its writer takes it, before the bytes are out
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (index >= accepted.size()) {
            return;
        }
        Socket raw = accepted.get(index);
        try {
            raw.shutdownOutput();
        } catch (IOException e) {
            // already gone
        }
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
                raw.close();
            } catch (IOException | InterruptedException e) {
                // closing a socket that is going away anyway
            }
        });
    }

    @Override
    public ServerSocket createServerSocket() throws IOException {
        return new ServerSocket() {
            @Override
            public Socket accept() throws IOException {
                Socket socket = super.accept();
                accepted.add(socket);
                return socket;
            }
        };
    }

    @Override
    public ServerSocket createServerSocket(int port) throws IOException {
        throw new UnsupportedOperationException("MockWebServer binds the socket itself");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog) throws IOException {
        throw new UnsupportedOperationException("MockWebServer binds the socket itself");
    }

    @Override
    public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
        throw new UnsupportedOperationException("MockWebServer binds the socket itself");
    }
}
