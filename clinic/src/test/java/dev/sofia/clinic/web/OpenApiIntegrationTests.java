package dev.sofia.clinic.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ClinicIntegrationTest
class OpenApiIntegrationTests {

    @Autowired
    Api api;

    @Test
    void theApiIsDescribedByOpenApi() {
        Api.Response docs = api.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json().get("paths");
        assertThat(paths.has("/api/appointments")).isTrue();
        assertThat(paths.has("/api/availability")).isTrue();
        assertThat(paths.has("/api/patients")).isTrue();
        assertThat(paths.get("/api/appointments").get("post").get("parameters").toString())
                .contains("Idempotency-Key");
    }

    @Test
    void swaggerUiIsServed() {
        Api.Response ui = api.get("/swagger-ui/index.html");

        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.raw().body()).contains("swagger-ui");
    }
}
