package dev.sofia.agents.livekit.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The /health endpoint answers from the health it is given, on loopback. */
class HealthEndpointTests {

    @Test
    void answers200WhileRegisteredAnd503Otherwise() throws Exception {
        AtomicReference<WorkerHealth> health =
                new AtomicReference<>(new WorkerHealth(WorkerState.CONNECTING, false, null, 0, 0));
        try (HealthEndpoint endpoint = HealthEndpoint.start(new InetSocketAddress("127.0.0.1", 0), health::get)) {
            assertThat(status(endpoint)).isEqualTo(503);

            health.set(new WorkerHealth(WorkerState.REGISTERED, true, "AW_1", 2, 0.2));
            assertThat(status(endpoint)).isEqualTo(200);
            assertThat(body(endpoint)).contains("state=REGISTERED", "workerId=AW_1", "activeJobs=2");

            health.set(new WorkerHealth(WorkerState.DRAINING, true, "AW_1", 1, 0.1));
            assertThat(status(endpoint)).isEqualTo(200);

            health.set(new WorkerHealth(WorkerState.DISCONNECTED, false, "AW_1", 1, 0.1));
            assertThat(status(endpoint)).isEqualTo(503);
        }
    }

    static int status(HealthEndpoint endpoint) throws IOException, InterruptedException {
        return get(endpoint).statusCode();
    }

    private static String body(HealthEndpoint endpoint) throws IOException, InterruptedException {
        return get(endpoint).body();
    }

    private static HttpResponse<String> get(HealthEndpoint endpoint) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoint.port() + "/health"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }
}
