package dev.sofia.clinic.diagnose;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The provider keys work: one cheap authenticated GET per provider the configuration chooses
 * (none for the offline engine and espeak-ng), so a wrong key shows now and not on the first call.
 */
final class ProviderCheck implements Check {

    static final String NAME = "providers";
    /** The API version Sofia's Cartesia plugin speaks; Cartesia refuses requests without one. */
    static final String CARTESIA_VERSION = dev.sofia.agents.cartesia.CartesiaTtsOptions.DEFAULT_VERSION;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String hint() {
        return "check the provider base URLs and that this host may reach them";
    }

    @Override
    public List<Outcome> run(DiagnoseSettings settings) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(4)).build();
        List<Outcome> outcomes = new ArrayList<>();
        boolean openai = List.of("sofia.receptionist.llm", "sofia.receptionist.stt", "sofia.receptionist.tts").stream()
                .anyMatch(key -> settings.get(key).equals("openai"));
        if (openai) {
            String base = orDefault(settings.get("sofia.receptionist.openai.base-url"), "https://api.openai.com/v1");
            outcomes.add(call(
                    http,
                    "provider openai",
                    base + "/models",
                    "Authorization",
                    "Bearer " + settings.get("sofia.receptionist.openai.api-key"),
                    null,
                    "OPENAI_API_KEY",
                    base));
        }
        if (settings.get("sofia.receptionist.stt").equals("deepgram")) {
            String base =
                    https(orDefault(settings.get("sofia.receptionist.deepgram.base-url"), "wss://api.deepgram.com"));
            outcomes.add(call(
                    http,
                    "provider deepgram",
                    base + "/v1/projects",
                    "Authorization",
                    "Token " + settings.get("sofia.receptionist.deepgram.api-key"),
                    null,
                    "DEEPGRAM_API_KEY",
                    base));
        }
        if (settings.get("sofia.receptionist.tts").equals("cartesia")) {
            String base =
                    https(orDefault(settings.get("sofia.receptionist.cartesia.base-url"), "wss://api.cartesia.ai"));
            outcomes.add(call(
                    http,
                    "provider cartesia",
                    base + "/voices",
                    "X-API-Key",
                    settings.get("sofia.receptionist.cartesia.api-key"),
                    CARTESIA_VERSION,
                    "CARTESIA_API_KEY",
                    base));
        }
        if (outcomes.isEmpty()) {
            outcomes.add(Outcome.skip(
                    NAME,
                    "no cloud provider configured (SOFIA_LLM=" + settings.get("sofia.receptionist.llm")
                            + ", SOFIA_STT=" + settings.get("sofia.receptionist.stt") + ", SOFIA_TTS="
                            + settings.get("sofia.receptionist.tts") + ")"));
        }
        return outcomes;
    }

    private static Outcome call(
            HttpClient http,
            String row,
            String url,
            String header,
            String value,
            String cartesiaVersion,
            String variable,
            String base)
            throws InterruptedException {
        if (value.isBlank() || value.equals("Bearer ") || value.equals("Token ")) {
            return Outcome.fail(row, variable + " is not set", "set " + variable + " or choose another provider");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(6))
                .header(header, value)
                .GET();
        if (cartesiaVersion != null) {
            request.header("Cartesia-Version", cartesiaVersion);
        }
        int status;
        try {
            status = http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException | IllegalArgumentException e) {
            return Outcome.fail(
                    row,
                    base + ": " + LiveKitHttpCheck.describe(e),
                    "the provider is not reachable from here: check the base URL, DNS and outgoing firewall/proxy");
        }
        if (status / 100 == 2) {
            return Outcome.ok(row, base + ": key accepted");
        }
        if (status == 401 || status == 403) {
            return Outcome.fail(
                    row,
                    base + ": HTTP " + status + ", key refused",
                    variable + " is wrong, revoked or lacks permission: create a new key in the provider's console");
        }
        return Outcome.fail(
                row,
                base + ": HTTP " + status,
                "the provider answered an error: check the base URL and its status page");
    }

    private static String orDefault(String value, String fallback) {
        return (value.isEmpty() ? fallback : value).replaceAll("/+$", "");
    }

    /** The plugins' streaming URLs are wss://; their REST API lives on the same host over https. */
    private static String https(String base) {
        return base.replaceFirst("^wss://", "https://").replaceFirst("^ws://", "http://");
    }
}
