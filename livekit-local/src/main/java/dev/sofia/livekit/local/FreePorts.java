package dev.sofia.livekit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

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

    /**
     * A run of {@code count} consecutive UDP ports, each free on every interface at the time of
     * the check, starting at an even port (RTP's convention). For programs that bind a range
     * themselves (livekit-sip's RTP ports bind the wildcard address, so that is what is checked).
     */
    public static int[] udpRange(int count) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int start = 20_000 + 2 * random.nextInt(15_000);
            boolean free = true;
            for (int port = start; free && port < start + count; port++) {
                try (DatagramSocket socket = new DatagramSocket(port)) {
                    free = socket.isBound();
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) {
                return new int[] {start, start + count - 1};
            }
        }
        throw new IllegalStateException("no run of " + count + " free UDP ports found");
    }
}
