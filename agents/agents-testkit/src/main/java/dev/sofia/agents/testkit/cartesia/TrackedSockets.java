package dev.sofia.agents.testkit.cartesia;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ServerSocketFactory;

/**
 * Server sockets that remember every connection they accept, so a fake can break one the hard way
 * (TCP close, no WebSocket close frame): the server side of okhttp's WebSocket cannot be cancelled.
 * Connection {@code n} is the one MockWebServer reports as {@code connectionIndex} {@code n}.
 */
final class TrackedSockets extends ServerSocketFactory {

    private final List<Socket> accepted = new CopyOnWriteArrayList<>();

    /**
     * Breaks connection {@code index}: a FIN after what was written (closing at once would reset the
     * connection and could destroy answers the peer has not read yet), the socket closed soon after.
     */
    void drop(int index) {
        if (index >= accepted.size()) {
            return;
        }
        Socket socket = accepted.get(index);
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            // already gone
        }
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
                socket.close();
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
