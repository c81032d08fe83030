package dev.sofia.livekit.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /** TURN over TLS: the server loads the generated certificate and answers TLS with it. */
    @Test
    void turnOverTlsServesTheGivenCertificate(@TempDir Path dir) throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        SelfSignedCertificate certificate = SelfSignedCertificate.generate(dir, loopback);
        LiveKitServerConfig config = LiveKitServerConfig.onFreePorts()
                .withTurnTls(loopback.getHostAddress(), certificate.certFile(), certificate.keyFile());

        try (LiveKitProcess server = LiveKitProcess.start(config);
                SSLSocket socket = (SSLSocket) trusting(certificate.certFile())
                        .getSocketFactory()
                        .createSocket(loopback, server.config().turnTls().port())) {
            socket.startHandshake(); // fails unless the peer presents exactly this certificate
            assertThat(socket.getSession().getPeerCertificates()[0].getPublicKey())
                    .isEqualTo(certificateIn(certificate.certFile()).getPublicKey());
            assertThat(server.output()).contains("Starting TURN server");
        }
    }

    private static SSLContext trusting(Path certFile) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("turn", certificateIn(certFile));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static Certificate certificateIn(Path certFile) throws Exception {
        try (InputStream in = Files.newInputStream(certFile)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in);
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
