package dev.sofia.clinic.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * People get an error page, programs get problem+json: an unknown page address answers a browser
 * with the HTML error page, an unknown API address answers with a problem, whatever the Accept.
 */
@ClinicIntegrationTest
class ConsoleErrorPagesIntegrationTests {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Autowired
    Api api;

    @Test
    void anUnknownPageIsTheHtmlErrorPage() {
        Api.Response page = api.send(HttpRequest.newBuilder(api.uri("/console/no-such-page?lang=en"))
                .header("Accept", BROWSER_ACCEPT)
                .build());
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.raw().body()).contains("Page not found").contains("href=\"/console\"");
    }

    @Test
    void anUnknownApiAddressIsStillAProblem() {
        Api.Response problem = api.send(HttpRequest.newBuilder(api.uri("/api/no-such-thing"))
                .header("Accept", BROWSER_ACCEPT)
                .build());
        assertThat(problem.status()).isEqualTo(404);
        assertThat(problem.header("Content-Type")).startsWith("application/problem+json");
    }
}
