package dev.sofia.agents.livekit.worker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test helper: a loopback TCP proxy that can freeze its current connections — nothing passes either
 * way, not even a close, as on a network path that silently died — and later drop them. New
 * connections are not affected.
 */
final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Link> links = new CopyOnWriteArrayList<>();

    private TcpProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
        Thread.ofVirtual().name("proxy-accept").start(this::acceptLoop);
    }

    static TcpProxy start(int targetPort) {
        try {
            return new TcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The connections open now stop forwarding anything. */
    void freezeExisting() {
        links.forEach(link -> link.frozen = true);
    }

    /** Closes the frozen connections at both ends. */
    void dropFrozen() {
        for (Link link : links) {
            if (link.frozen) {
                link.close();
            }
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        links.forEach(Link::close);
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                Link link = new Link(client, upstream);
                links.add(link);
                Thread.ofVirtual().start(() -> link.pump(client, upstream));
                Thread.ofVirtual().start(() -> link.pump(upstream, client));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private final class Link {
        private final Socket a;
        private final Socket b;
        private volatile boolean frozen;
        private volatile boolean closed;

        Link(Socket a, Socket b) {
            this.a = a;
            this.b = b;
        }

        void pump(Socket from, Socket to) {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    holdWhileFrozen();
                    if (closed) {
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            }
            holdWhileFrozen(); // a frozen path does not carry the close either
            close();
        }

        private void holdWhileFrozen() {
            while (frozen && !closed) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void close() {
            closed = true;
            links.remove(this);
            try {
                a.close();
            } catch (IOException ignored) {
                // already closed
            }
            try {
                b.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
