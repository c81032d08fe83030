package dev.sofia.livekit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Free loopback ports, found by binding port 0 and releasing it. Another process could take the
 * port before our child binds it; for loopback test and development servers that race is rare and
 * shows up as a clear start-up failure, not as a wrong result.
 */
public final class FreePorts {

    private FreePorts() {}

    public static int tcp() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free TCP port on loopback", e);
        }
    }

    public static int udp() {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free UDP port on loopback", e);
        }
    }
}
