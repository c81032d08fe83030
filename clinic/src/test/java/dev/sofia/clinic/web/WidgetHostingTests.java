package dev.sofia.clinic.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.support.Api;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The app serves the voice widget the Maven build made with npm, its demo page, and lets pages of
 * other origins (a practice's own web site) call the connect endpoint — and only that one.
 */
@ClinicIntegrationTest
class WidgetHostingTests {

    private static final String PRACTICE = "https://praxis.example";

    @Autowired
    Api api;

    @Test
    void theWidgetScriptIsServed() {
        Api.Response script = api.get("/widget/sofia-widget.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).startsWith("text/javascript");
        // one self-contained bundle: the widget's words and livekit-client inside
        assertThat(script.raw().body())
                .contains("Mit Sofia sprechen", "Talk to Sofia", "lk.chat", "lk.transcription", "lk.agent.state")
                .doesNotContain("import ");
    }

    @Test
    void theDemoPageEmbedsTheWidgetWithOneTag() {
        Api.Response demo = api.get("/widget/demo.html");
        assertThat(demo.status()).isEqualTo(200);
        assertThat(demo.raw().body()).contains("<script src=\"/widget/sofia-widget.js\"");
    }

    @Test
    void aPracticeSiteMayCallTheConnectEndpoint() {
        // a browser's preflight carries no credentials
        Api.Response preflight = api.anonymous()
                .send(HttpRequest.newBuilder(api.uri("/api/sofia/connect"))
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", PRACTICE)
                        .header("Access-Control-Request-Method", "POST")
                        .header("Access-Control-Request-Headers", "content-type")
                        .build());
        assertThat(preflight.status()).isEqualTo(200);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo(PRACTICE);
        assertThat(preflight.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void theStaffApiIsNotOpenedToOtherOrigins() {
        Api.Response preflight = api.send(HttpRequest.newBuilder(api.uri("/api/calls"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", PRACTICE)
                .header("Access-Control-Request-Method", "GET")
                .build());
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }
}
