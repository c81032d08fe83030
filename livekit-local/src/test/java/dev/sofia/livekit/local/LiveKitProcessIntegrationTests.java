package dev.sofia.livekit.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class LiveKitProcessIntegrationTests {

    @Test
    void startsAndAnswersOnItsPortThenStopsOnClose() throws Exception {
        LiveKitProcess server = LiveKitProcess.start(LiveKitServerConfig.onFreePorts());
        try {
            assertThat(server.isAlive()).isTrue();
            assertThat(get(server.config().httpUrl())).isEqualTo(200);
            assertThat(server.url())
                    .isEqualTo("ws://127.0.0.1:" + server.config().httpPort());
        } finally {
            server.close();
        }
        assertThat(server.isAlive()).isFalse();
    }

    /** Another process takes the chosen port before the server binds it: start() moves to others. */
    @Test
    void aPortTakenMeanwhileMovesTheServerToOtherPorts() throws Exception {
        LiveKitServerConfig chosen = LiveKitServerConfig.onFreePorts();
        try (ServerSocket squatter = new ServerSocket()) {
            squatter.bind(new InetSocketAddress(chosen.rtcTcpPort()));

            assertThatIllegalStateException()
                    .isThrownBy(() -> LiveKitProcess.startOnPorts(LiveKitBinary.locate(null), chosen))
                    .withMessageContaining("address already in use");

            try (LiveKitProcess server = LiveKitProcess.start(chosen)) {
                assertThat(server.config().rtcTcpPort()).isNotEqualTo(chosen.rtcTcpPort());
                assertThat(server.config().apiKey()).isEqualTo(chosen.apiKey());
                assertThat(get(server.config().httpUrl())).isEqualTo(200);
            }
        }
    }

    private static int get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                            HttpRequest.newBuilder(URI.create(url + "/")).build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        }
    }
}
