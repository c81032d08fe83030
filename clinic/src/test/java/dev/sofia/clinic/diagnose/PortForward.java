package dev.sofia.clinic.diagnose;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * What a load balancer in front of LiveKit does for TURN/TLS: forwards port 443 of the TURN domain
 * to {@code turn.tls_port}, because livekit-server advertises {@code turns:<domain>:443} whatever
 * port it listens on. Binding 443 needs privileges and the port free: without either, the test
 * that needs it is skipped rather than failed.
 */
final class PortForward implements AutoCloseable {

    private final ServerSocket server;

    private PortForward(ServerSocket server) {
        this.server = server;
    }

    static PortForward from443(InetAddress address, int targetPort) {
        ServerSocket server;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, 443));
        } catch (IOException e) {
            Assumptions.abort("cannot listen on " + address.getHostAddress() + ":443 here: " + e.getMessage());
            throw new IllegalStateException(e);
        }
        PortForward forward = new PortForward(server);
        Thread.ofVirtual().name("forward-443").start(() -> forward.accept(address, targetPort));
        return forward;
    }

    private void accept(InetAddress address, int targetPort) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(address, targetPort);
                Thread.ofVirtual().start(() -> pump(client, target));
                Thread.ofVirtual().start(() -> pump(target, client));
            } catch (IOException e) {
                // closed, or the target refused: the client sees its connection end
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
