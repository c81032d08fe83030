package dev.sofia.clinic.diagnose;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * livekit-sip itself is alive. It has no API of its own that Sofia calls, but it serves a health
 * endpoint on every path of {@code health_port} when its config sets one (livekit/sip
 * {@code pkg/service/service.go}: 200 OK, 429 under load, 503 otherwise);
 * {@code LIVEKIT_SIP_HEALTH_URL} (e.g. {@code http://sip:8080/}) tells the diagnosis where. Unset,
 * the check is skipped.
 */
final class SipServiceCheck implements Check {

    static final String NAME = "sip-service";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String hint() {
        return "check LIVEKIT_SIP_HEALTH_URL and that livekit-sip runs";
    }

    @Override
    public List<Outcome> run(DiagnoseSettings settings) throws Exception {
        if (!settings.has("sip.health-url")) {
            return List.of(Outcome.skip(NAME, "LIVEKIT_SIP_HEALTH_URL unset (livekit-sip's health_port endpoint)"));
        }
        String url = settings.get("sip.health-url");
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            int status = http.send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(4))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
            if (status == 200) {
                return List.of(Outcome.ok(NAME, url + " answers 200"));
            }
            if (status == 429) {
                return List.of(Outcome.fail(
                        NAME,
                        url + " answers 429 (under load)",
                        "livekit-sip is at its CPU limit and turns calls away: give it more CPU or raise"
                                + " max_cpu_utilization in its config"));
            }
            return List.of(Outcome.fail(
                    NAME,
                    url + " answers HTTP " + status,
                    "livekit-sip reports itself unhealthy: see its log (Redis shared with livekit-server? api_key/api_secret"
                            + " a key pair of the server? ws_url reachable from the SIP container?)"));
        } catch (java.io.IOException | IllegalArgumentException e) {
            return List.of(Outcome.fail(
                    NAME,
                    url + ": " + LiveKitHttpCheck.describe(e),
                    "livekit-sip is not running or health_port is not that port"));
        }
    }
}
