package dev.sofia.agents.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.RTCIceCandidate;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The signal URL and the candidate JSON, which the server parses. */
class SignalClientTests {

    @Test
    void theSignalUrlAsksForProtocol16ClassicDataAndNoAdaptiveStream() {
        URI uri = SignalClient.rtcUri("https://lk.example.com/", "/rtc", true, null);

        assertThat(uri.getScheme()).isEqualTo("wss");
        assertThat(uri.getPath()).isEqualTo("/rtc");
        assertThat(uri.getQuery())
                .contains("protocol=16", "client_protocol=0", "sdk=cpp", "auto_subscribe=1", "adaptive_stream=0")
                .doesNotContain("access_token");
        assertThat(SignalClient.rtcUri("ws://127.0.0.1:7880", "/rtc", false, null)
                        .toString())
                .startsWith("ws://127.0.0.1:7880/rtc?")
                .contains("auto_subscribe=0")
                .doesNotContain("reconnect");
        assertThat(SignalClient.rtcUri("ws://127.0.0.1:7880", "/rtc", true, "PA_abc")
                        .getQuery())
                .endsWith("&reconnect=1&sid=PA_abc");
    }

    @Test
    void candidatesRoundTripThroughTheBrowsersJson() {
        RTCIceCandidate candidate =
                new RTCIceCandidate("0", 0, "candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0");

        String json = IceCandidates.toJson(candidate);
        RTCIceCandidate back = IceCandidates.fromJson(json);

        assertThat(json).contains("\"sdpMLineIndex\":0", "\"usernameFragment\":null");
        assertThat(back.sdp).isEqualTo(candidate.sdp);
        assertThat(back.sdpMid).isEqualTo("0");
        assertThat(back.sdpMLineIndex).isZero();
    }

    @Test
    void aCandidateFromTheServerWithoutMidIsRead() {
        RTCIceCandidate candidate = IceCandidates.fromJson(
                "{\"candidate\":\"candidate:2 1 tcp 1 127.0.0.1 7881 typ host tcptype passive\",\"sdpMLineIndex\":1}");

        assertThat(candidate.sdp).endsWith("tcptype passive");
        assertThat(candidate.sdpMid).isEmpty();
        assertThat(candidate.sdpMLineIndex).isEqualTo(1);
    }
}
