package dev.sofia.clinic.system.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.livekit.local.FreePorts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * LiveKit configured at an address where nothing listens: /health and readiness say so (503), the
 * app itself stays alive, and the error names no secret.
 */
@ClinicIntegrationTest
class HealthDownIntegrationTests {

    private static final String SECRET = "unreachable-livekit-secret-0123456789abcdef";

    @Autowired
    Api api;

    @DynamicPropertySource
    static void unreachableLiveKit(DynamicPropertyRegistry registry) {
        int nobodyListens = FreePorts.tcp();
        registry.add("sofia.livekit.url", () -> "ws://127.0.0.1:" + nobodyListens);
        registry.add("sofia.livekit.api-key", () -> "sofiatest");
        registry.add("sofia.livekit.api-secret", () -> SECRET);
    }

    @Test
    void healthIs503WhenLiveKitIsUnreachable() {
        Api.Response response = api.get("/health");

        assertThat(response.status()).isEqualTo(503);
        JsonNode body = response.json();
        assertThat(body.path("status").asString()).isEqualTo("DOWN");
        assertThat(body.path("components").path("livekit").path("status").asString())
                .isEqualTo("DOWN");
        assertThat(body.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(response.raw().body()).doesNotContain(SECRET);
    }

    @Test
    void readinessFailsButLivenessHolds() {
        assertThat(api.get("/actuator/health/readiness").status()).isEqualTo(503);
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    }
}
