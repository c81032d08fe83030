package dev.sofia.clinic.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sofia.livekit.local.FreePorts;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SIP service check reads livekit-sip's health endpoint as livekit-sip answers it (200, 429
 * under load, 503 unhealthy; body the status text), here from a local HTTP server on loopback.
 */
class SipServiceCheckTests {

    HttpServer server;
    final AtomicInteger status = new AtomicInteger(200);

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = (status.get() == 200 ? "OK" : "Unhealthy").getBytes();
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Outcome check(String url) throws Exception {
        return new SipServiceCheck()
                .run(DiagnoseSettings.load(new String[] {"--LIVEKIT_SIP_HEALTH_URL=" + url}))
                .getFirst();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Test
    void healthyUnderLoadAndUnhealthy() throws Exception {
        assertThat(check(url()).status()).isEqualTo(Outcome.Status.OK);
        status.set(429);
        assertThat(check(url())).satisfies(o -> {
            assertThat(o.status()).isEqualTo(Outcome.Status.FAIL);
            assertThat(o.hint()).startsWith("livekit-sip is at its CPU limit");
        });
        status.set(503);
        assertThat(check(url())).satisfies(o -> {
            assertThat(o.status()).isEqualTo(Outcome.Status.FAIL);
            assertThat(o.detail()).endsWith("answers HTTP 503");
        });
    }

    @Test
    void notRunningAndNotConfigured() throws Exception {
        Outcome down = check("http://127.0.0.1:" + FreePorts.tcp() + "/");
        assertThat(down.status()).isEqualTo(Outcome.Status.FAIL);
        assertThat(down.hint()).isEqualTo("livekit-sip is not running or health_port is not that port");

        Outcome unset =
                new SipServiceCheck().run(DiagnoseSettings.load(new String[0])).getFirst();
        assertThat(unset.status()).isEqualTo(Outcome.Status.SKIP);
    }
}
