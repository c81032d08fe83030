package dev.sofia.livekit.local;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A minimal SIP user agent over UDP for start-up checks: sends one INVITE (with an SDP offer for
 * PCMU) and collects the status lines of the responses until a final one (≥ 200) arrives. Enough to
 * see that livekit-sip listens, and that it can ask livekit-server (through Redis) what to do with a
 * call; real calls are SIPp's part (clinic's phone tests).
 */
public final class SipProbe {

    private SipProbe() {}

    /** The status lines answered to an INVITE from {@code caller} to {@code called}, final one last. */
    public static List<String> invite(int sipPort, String caller, String called, Duration patience) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int local = socket.getLocalPort();
            String callId = UUID.randomUUID() + "@127.0.0.1";
            String sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" + "m=audio "
                    + (local + 2) + " RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
            String invite = "INVITE sip:" + called + "@127.0.0.1:" + sipPort + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK" + UUID.randomUUID() + ";rport\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:" + caller + "@127.0.0.1>;tag=" + Long.toHexString(System.nanoTime()) + "\r\n"
                    + "To: <sip:" + called + "@127.0.0.1>\r\n"
                    + "Call-ID: " + callId + "\r\n"
                    + "CSeq: 1 INVITE\r\n"
                    + "Contact: <sip:" + caller + "@127.0.0.1:" + local + ">\r\n"
                    + "Content-Type: application/sdp\r\n"
                    + "Content-Length: " + sdp.getBytes(StandardCharsets.US_ASCII).length + "\r\n\r\n"
                    + sdp;
            byte[] bytes = invite.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), sipPort));
            List<String> statuses = new ArrayList<>();
            Instant deadline = Instant.now().plus(patience);
            byte[] buffer = new byte[8192];
            while (Instant.now().isBefore(deadline)) {
                socket.setSoTimeout((int)
                        Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    break;
                }
                String response = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.US_ASCII);
                String status = response.lines().findFirst().orElse("");
                statuses.add(status);
                String[] parts = status.split(" ");
                if (parts.length > 1 && parts[1].matches("\\d{3}") && Integer.parseInt(parts[1]) >= 200) {
                    break;
                }
            }
            return statuses;
        }
    }
}
