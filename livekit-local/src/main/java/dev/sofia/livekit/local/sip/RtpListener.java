package dev.sofia.livekit.local.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The caller's ear: a UDP port on loopback that the carrier's SDP offer names as its audio address,
 * so livekit-sip sends Sofia's voice here as RTP. Decodes G.711 (payload type 0 µ-law or 8 A-law)
 * and counts voiced packets: a 20 ms packet whose RMS is above {@link #VOICED_RMS} (about -38 dBFS;
 * livekit-sip's silence decodes to 0, line noise stays far below). SIPp 3.6 can play RTP but not
 * judge what it receives, so this part of the caller is Java.
 */
public final class RtpListener implements AutoCloseable {

    /** Speech from espeak-ng through Opus and G.711 is in the thousands; silence is 0. */
    static final double VOICED_RMS = 400;

    private final DatagramSocket socket;
    private final Thread reader;
    private final AtomicInteger packets = new AtomicInteger();
    private final AtomicInteger voiced = new AtomicInteger();
    private final AtomicReference<@Nullable Instant> firstVoiced = new AtomicReference<>();
    private final AtomicReference<@Nullable Instant> firstPacket = new AtomicReference<>();
    private volatile double loudestRms;

    private RtpListener(DatagramSocket socket) {
        this.socket = socket;
        this.reader =
                Thread.ofVirtual().name("rtp-listener-" + socket.getLocalPort()).start(this::read);
    }

    /** Listens on a free even port on 127.0.0.1 (RTP ports are even by convention). */
    public static RtpListener start() {
        for (int attempt = 0; attempt < 50; attempt++) {
            try {
                DatagramSocket socket = new DatagramSocket(null);
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                if (socket.getLocalPort() % 2 == 0) {
                    return new RtpListener(socket);
                }
                socket.close();
            } catch (SocketException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no even UDP port found on loopback");
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int packets() {
        return packets.get();
    }

    /** Packets carrying audible sound. */
    public int voicedPackets() {
        return voiced.get();
    }

    public double loudestRms() {
        return loudestRms;
    }

    public @Nullable Instant firstVoiced() {
        return firstVoiced.get();
    }

    public @Nullable Instant firstPacket() {
        return firstPacket.get();
    }

    /** Waits until {@code count} voiced packets (count × 20 ms of sound) have arrived. */
    public boolean awaitVoiced(int count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (voiced.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private void read() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(packet);
            } catch (IOException closed) {
                return;
            }
            Instant now = Instant.now();
            firstPacket.compareAndSet(null, now);
            packets.incrementAndGet();
            double rms = rms(buffer, packet.getLength());
            if (rms > loudestRms) {
                loudestRms = rms;
            }
            if (rms >= VOICED_RMS) {
                firstVoiced.compareAndSet(null, now);
                voiced.incrementAndGet();
            }
        }
    }

    /** The RMS of a G.711 RTP packet's samples; 0 for other payloads (e.g. DTMF events). */
    static double rms(byte[] rtp, int length) {
        if (length < 12 || (rtp[0] & 0xC0) != 0x80) {
            return 0;
        }
        int csrcs = rtp[0] & 0x0F;
        int offset = 12 + 4 * csrcs;
        if ((rtp[0] & 0x10) != 0 && length >= offset + 4) { // header extension
            offset += 4 + 4 * (((rtp[offset + 2] & 0xFF) << 8) | (rtp[offset + 3] & 0xFF));
        }
        int end = length;
        if ((rtp[0] & 0x20) != 0 && length > offset) { // padding
            end -= rtp[length - 1] & 0xFF;
        }
        int payloadType = rtp[1] & 0x7F;
        if ((payloadType != 0 && payloadType != 8) || end <= offset) {
            return 0;
        }
        double sum = 0;
        for (int i = offset; i < end; i++) {
            double sample = payloadType == 0 ? G711.ulawToLinear(rtp[i]) : G711.alawToLinear(rtp[i]);
            sum += sample * sample;
        }
        return Math.sqrt(sum / (end - offset));
    }

    @Override
    public void close() {
        socket.close();
        try {
            reader.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
