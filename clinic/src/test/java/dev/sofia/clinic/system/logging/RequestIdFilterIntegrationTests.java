package dev.sofia.clinic.system.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ClinicIntegrationTest
class RequestIdFilterIntegrationTests {

    @Autowired
    Api api;

    @Test
    void everyResponseCarriesTheRequestId() {
        Api.Response echoed = api.send(HttpRequest.newBuilder(api.uri("/health"))
                .header(RequestIdFilter.HEADER, "lb-abc-123")
                .build());
        Api.Response made = api.get("/health");

        assertThat(echoed.header(RequestIdFilter.HEADER)).isEqualTo("lb-abc-123");
        assertThat(made.header(RequestIdFilter.HEADER)).matches("[0-9a-f-]{36}");
    }
}
