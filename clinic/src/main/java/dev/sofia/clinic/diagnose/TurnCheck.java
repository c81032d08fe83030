package dev.sofia.clinic.diagnose;

import dev.sofia.agents.livekit.auth.AccessTokens;
import dev.sofia.clinic.livekit.LiveKitCallException;
import dev.sofia.clinic.livekit.LiveKitClients;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import livekit.LivekitRtc.ICEServer;

/**
 * Callers on networks without UDP reach LiveKit only through TURN over TCP or TLS. The TURN
 * servers are whatever LiveKit hands a joining client, so this joins a test room over the signal
 * protocol ({@link SignalJoin}), reads the join's ICE servers, and opens a TCP connection (a TLS
 * handshake, certificate checked as a browser would, for {@code turns:}) to every TCP one. A
 * private CA's certificate can be trusted in addition with {@code --trust-cert=<PEM file>}.
 */
final class TurnCheck implements Check {

    static final String NAME = "turn-tcp-tls";
    private static final int CONNECT_TIMEOUT_MS = 3000;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String hint() {
        return "check that LIVEKIT_URL's signal connection (WebSocket /rtc) works";
    }

    @Override
    public List<Outcome> run(DiagnoseSettings settings) throws Exception {
        if (!settings.liveKitConfigured()) {
            return List.of(Outcome.skip(NAME, "LiveKit not configured (the local server offers no TURN)"));
        }
        String room = LiveKitApi.testRoomName();
        String token = AccessTokens.builder(settings.apiKey(), settings.apiSecret())
                .identity("sofia-diagnose-turn")
                .roomJoin(room)
                .canPublish(false)
                .ttl(Duration.ofMinutes(1))
                .build();
        List<ICEServer> servers;
        try {
            servers = SignalJoin.iceServers(settings.get("sofia.livekit.url"), token, Duration.ofSeconds(6));
        } catch (SignalJoin.SignalException e) {
            return List.of(Outcome.fail(NAME, "signal join failed: " + e.getMessage(), signalHint(e, settings)));
        } finally {
            try {
                LiveKitClients.execute(
                        "delete room", LiveKitApi.of(settings).rooms().deleteRoom(room));
            } catch (LiveKitCallException e) {
                // the room closes by itself once empty
            }
        }
        List<String> tcp = servers.stream()
                .flatMap(s -> s.getUrlsList().stream())
                .filter(url -> url.startsWith("turns:") || (url.startsWith("turn:") && url.contains("transport=tcp")))
                .toList();
        if (tcp.isEmpty()) {
            return List.of(Outcome.skip(
                    NAME,
                    "LiveKit hands out no TURN over TCP/TLS (turn.enabled off): fine where"
                            + " callers have UDP; TCP-only networks need it"));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (String url : tcp) {
            outcomes.add(probe(url, settings));
        }
        return outcomes;
    }

    /** Clients see "could not establish signal connection" for each of these. */
    private static String signalHint(SignalJoin.SignalException e, DiagnoseSettings settings) {
        if (e.status() == 401) {
            return "LiveKit refused the token, so LIVEKIT_API_KEY and LIVEKIT_API_SECRET are not a key pair of this server";
        }
        if (e.getCause() != null) {
            return LiveKitApi.unreachableHint(e.getCause(), settings);
        }
        return "a proxy in front of LiveKit must pass WebSocket upgrades on /rtc (Upgrade and Connection headers);"
                + " the livekit-rtc-validate row names LiveKit's own reason";
    }

    private static Outcome probe(String url, DiagnoseSettings settings) throws Exception {
        boolean tls = url.startsWith("turns:");
        URI uri = URI.create("turn://" + url.substring(url.indexOf(':') + 1).split("\\?")[0]);
        String host = uri.getHost();
        int port = uri.getPort() > 0 ? uri.getPort() : (tls ? 5349 : 3478);
        String row = NAME + " " + (tls ? "turns " : "turn ") + host + ":" + port;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            if (tls) {
                SSLSocketFactory factory = TrustedCertificates.socketFactory(settings.get("trust-cert"));
                try (SSLSocket ssl = (SSLSocket) factory.createSocket(socket, host, port, true)) {
                    var parameters = ssl.getSSLParameters();
                    parameters.setEndpointIdentificationAlgorithm("HTTPS");
                    ssl.setSSLParameters(parameters);
                    ssl.setSoTimeout(CONNECT_TIMEOUT_MS);
                    ssl.startHandshake();
                }
            }
            return Outcome.ok(row, tls ? "TLS handshake completed" : "TCP connected");
        } catch (javax.net.ssl.SSLException e) {
            return Outcome.fail(
                    row,
                    "TLS failed: " + LiveKitHttpCheck.describe(e),
                    "turn.cert_file/key_file must be a certificate for " + host
                            + " that browsers trust (and turn.domain" + " that name)");
        } catch (java.io.IOException e) {
            if (tls && port == 443) {
                return Outcome.fail(
                        row,
                        LiveKitHttpCheck.describe(e),
                        "livekit-server advertises turns:<turn.domain>:443 whatever turn.tls_port is: set tls_port: 443,"
                                + " or forward port 443 of " + host
                                + " to it (load balancer, TLS passthrough); open 443"
                                + " in the firewall; turn.domain must resolve to that address");
            }
            return Outcome.fail(
                    row,
                    LiveKitHttpCheck.describe(e),
                    "open TCP port " + port + " of " + host + " in the firewall; turn.domain must resolve to the"
                            + " address clients reach LiveKit's TURN at");
        }
    }
}
