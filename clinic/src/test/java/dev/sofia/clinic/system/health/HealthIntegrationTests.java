package dev.sofia.clinic.system.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

@ClinicIntegrationTest
class HealthIntegrationTests {

    @Autowired
    Api api;

    @Test
    void healthIsUpWithTheDatabaseAndLiveKitAmongItsComponents() {
        Api.Response response = api.get("/health");

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asString()).isEqualTo("UP");
        assertThat(body.path("components").path("db").path("status").asString()).isEqualTo("UP");
        // The shared test app runs its own local livekit-server, as `scripts/run.sh` does.
        assertThat(body.path("components").path("livekit").path("status").asString())
                .isEqualTo("UP");
        assertThat(body.path("components").path("diskSpace").path("status").asString())
                .isEqualTo("UP");
    }

    @Test
    void healthShowsNoDetailsToAnonymousCallers() {
        JsonNode db = api.anonymous().get("/health").json().path("components").path("db");

        assertThat(db.has("details")).isFalse();
    }

    @Test
    void livenessAndReadinessProbesAreUp() {
        Api.Response liveness = api.anonymous().get("/actuator/health/liveness");
        Api.Response readiness = api.anonymous().get("/actuator/health/readiness");

        assertThat(liveness.status()).isEqualTo(200);
        assertThat(liveness.json().path("status").asString()).isEqualTo("UP");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheusScrapeIncludesTheConnectionPool() {
        // Open to the scraper without credentials, for now (docs/security.md).
        Api.Response response = api.anonymous().get("/actuator/prometheus");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.raw().body()).contains("hikaricp_connections", "pool=\"sofia\"");
    }

    @Test
    void infoAndMetricsAreExposedToAdminsOnly() {
        assertThat(api.get("/actuator/info").status()).isEqualTo(200);
        assertThat(api.get("/actuator/metrics/hikaricp.connections.max").status())
                .isEqualTo(200);
        assertThat(api.anonymous().get("/actuator/info").status()).isEqualTo(401);
        assertThat(api.anonymous()
                        .get("/actuator/metrics/hikaricp.connections.max")
                        .status())
                .isEqualTo(401);
    }
}
