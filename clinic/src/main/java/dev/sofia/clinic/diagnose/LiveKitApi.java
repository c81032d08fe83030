package dev.sofia.clinic.diagnose;

import dev.sofia.clinic.livekit.AgentRooms;
import dev.sofia.clinic.livekit.LiveKitCallException;
import io.livekit.server.AgentDispatchServiceClient;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.SipServiceClient;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;

/**
 * The SDK's service clients for the configured server, as the app builds them, with timeouts
 * short enough for a diagnosis. Calls go through {@link dev.sofia.clinic.livekit.LiveKitClients}'s
 * {@code execute}, so errors read as they do in the app's logs.
 */
record LiveKitApi(RoomServiceClient rooms, AgentDispatchServiceClient dispatch, SipServiceClient sip) {

    static final Duration CALL_TIMEOUT = Duration.ofSeconds(4);

    static LiveKitApi of(DiagnoseSettings settings) {
        Supplier<OkHttpClient> http = () -> new OkHttpClient.Builder()
                .connectTimeout(CALL_TIMEOUT)
                .readTimeout(CALL_TIMEOUT)
                .callTimeout(CALL_TIMEOUT)
                .build();
        String host = settings.liveKitHttpUrl();
        String key = settings.apiKey();
        String secret = settings.apiSecret();
        return new LiveKitApi(
                RoomServiceClient.createClient(host, key, secret, http),
                AgentDispatchServiceClient.createClient(host, key, secret, http),
                SipServiceClient.createClient(host, key, secret, http));
    }

    /** A room name no call ever has: the call log leaves these rooms out (calls/CallWebhooks). */
    static String testRoomName() {
        return AgentRooms.DIAGNOSE_ROOM_PREFIX + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The hint for a LiveKit API failure, by what went wrong. */
    static String hint(LiveKitCallException e, DiagnoseSettings settings) {
        int status = e.liveKitStatus();
        if (status == 401 || status == 403) {
            return "LIVEKIT_API_KEY/LIVEKIT_API_SECRET are not a key pair of this server: copy them from the"
                    + " server's `keys:` (livekit.yaml) or LIVEKIT_KEYS; watch for quotes or trailing spaces";
        }
        if (status > 0) {
            return "LiveKit refused the call (HTTP " + status + "): see the livekit-server log";
        }
        return unreachableHint(e.getCause(), settings);
    }

    /** Why a connection to LiveKit failed, in terms of what to fix. */
    static String unreachableHint(Throwable cause, DiagnoseSettings settings) {
        String address = settings.liveKitAddress();
        // Name resolution first: the JDK's HTTP client reports it as a ConnectException around it.
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException || t instanceof java.nio.channels.UnresolvedAddressException) {
                return "the host of LIVEKIT_URL (" + address + ") does not resolve here: inside compose use the"
                        + " service name on the shared network, from outside the public DNS name";
            }
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "nothing listens on " + address + ": is livekit-server running, and is LIVEKIT_URL's port"
                        + " its `port` (7880 by default) or the TLS proxy in front of it?";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer from " + address + " in time: a firewall drops the traffic, or the address is wrong";
            }
            if (t instanceof javax.net.ssl.SSLException) {
                return "TLS to " + address + " failed: wss:// needs a valid certificate for that name (or use ws://"
                        + " to a plain port outside prod)";
            }
        }
        return "LiveKit at " + address + " could not be reached: check LIVEKIT_URL";
    }
}
