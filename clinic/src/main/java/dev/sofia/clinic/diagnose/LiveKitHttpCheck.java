package dev.sofia.clinic.diagnose;

import dev.sofia.agents.livekit.auth.AccessTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * LiveKit answers HTTP at {@code LIVEKIT_URL} (turned into http(s)://), and {@code /rtc/validate}
 * accepts a token minted with our key. A client that sees "could not establish signal connection"
 * asks {@code /rtc/validate} for the reason: livekit-server answers {@code success}, or the HTTP
 * status and its own error text (bad token, unknown key, room limits…), which this row shows.
 */
final class LiveKitHttpCheck implements Check {

    static final String HTTP = "livekit-http";
    static final String VALIDATE = "livekit-rtc-validate";

    @Override
    public String name() {
        return HTTP;
    }

    @Override
    public String hint() {
        return "check LIVEKIT_URL and that livekit-server is running";
    }

    @Override
    public List<Outcome> run(DiagnoseSettings settings) throws Exception {
        if (!settings.has("sofia.livekit.url")) {
            return List.of(Outcome.skip(HTTP, "LIVEKIT_URL unset: the app starts its own local livekit-server"));
        }
        String base = settings.liveKitHttpUrl();
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            return List.of(Outcome.fail(
                    HTTP,
                    "LIVEKIT_URL is not ws://, wss://, http:// or https://",
                    "set LIVEKIT_URL to wss://<livekit host> (ws://host:7880 outside prod)"));
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(4)).build();
        List<Outcome> outcomes = new ArrayList<>();
        HttpResponse<String> root;
        try {
            root = http.send(get(URI.create(base + "/")), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return List.of(Outcome.fail(
                    HTTP, settings.liveKitAddress() + ": " + describe(e), LiveKitApi.unreachableHint(e, settings)));
        }
        if (root.statusCode() != 200) {
            outcomes.add(Outcome.fail(
                    HTTP,
                    "GET / answered HTTP " + root.statusCode() + " (livekit-server answers 200 OK)",
                    "LIVEKIT_URL reaches something that is not livekit-server: a proxy route or the wrong port?"));
        } else {
            outcomes.add(Outcome.ok(HTTP, settings.liveKitAddress() + " answers"));
        }
        outcomes.add(validate(http, base, settings));
        return outcomes;
    }

    private static Outcome validate(HttpClient http, String base, DiagnoseSettings settings) throws Exception {
        if (!settings.has("sofia.livekit.api-key") || !settings.has("sofia.livekit.api-secret")) {
            return Outcome.fail(
                    VALIDATE,
                    "LIVEKIT_API_KEY or LIVEKIT_API_SECRET is not set",
                    "set both; they are required with LIVEKIT_URL");
        }
        String token = AccessTokens.builder(settings.apiKey(), settings.apiSecret())
                .identity("sofia-diagnose")
                .roomJoin(LiveKitApi.testRoomName())
                .ttl(Duration.ofMinutes(1))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(
                    get(URI.create(base + "/rtc/validate?access_token=" + token)),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            return Outcome.fail(VALIDATE, describe(e), LiveKitApi.unreachableHint(e, settings));
        }
        String body = response.body().strip();
        if (response.statusCode() == 200) {
            return Outcome.ok(VALIDATE, "a token signed with " + settings.apiKey() + " is accepted (" + body + ")");
        }
        String detail = "HTTP " + response.statusCode() + ": " + shorten(body);
        if (response.statusCode() == 401) {
            return Outcome.fail(
                    VALIDATE,
                    detail,
                    "livekit-server does not accept tokens signed with LIVEKIT_API_KEY and LIVEKIT_API_SECRET; use a"
                            + " key pair from the server's `keys:`");
        }
        return Outcome.fail(
                VALIDATE,
                detail,
                "this is the reason behind \"could not establish signal connection\":"
                        + " see the livekit-server log for it");
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(4)).GET().build();
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            // the JDK's HTTP client wraps the telling exception (UnresolvedAddressException…) without a message
            Throwable cause = e.getCause();
            if (cause == null || cause == e) {
                return e.getClass().getSimpleName();
            }
            // the client wraps a ConnectException in another: name it once
            return cause.getClass() == e.getClass()
                    ? describe(cause)
                    : e.getClass().getSimpleName() + " (" + describe(cause) + ")";
        }
        return e.getClass().getSimpleName() + " (" + shorten(message) + ")";
    }

    static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
