package dev.sofia.clinic.system.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/** A component added later (here a stand-in for LiveKit) shows up in /health and can take it down. */
@ClinicIntegrationTest
@Import(HealthDownIntegrationTests.BrokenComponent.class)
class HealthDownIntegrationTests {

    @Autowired
    Api api;

    @Test
    void healthIs503WhenAnyComponentIsDown() {
        Api.Response response = api.get("/health");

        assertThat(response.status()).isEqualTo(503);
        JsonNode body = response.json();
        assertThat(body.path("status").asString()).isEqualTo("DOWN");
        assertThat(body.path("components").path("livekit").path("status").asString())
                .isEqualTo("DOWN");
        assertThat(body.path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(response.raw().body()).doesNotContain("connection refused");
    }

    @Test
    void livenessIgnoresAFailingDependency() {
        assertThat(api.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class BrokenComponent {

        @Bean
        HealthIndicator livekitHealthIndicator() {
            return () -> Health.down().withDetail("error", "connection refused").build();
        }
    }
}
