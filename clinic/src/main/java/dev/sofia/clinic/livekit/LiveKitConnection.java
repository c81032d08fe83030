package dev.sofia.clinic.livekit;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The LiveKit server Sofia talks to, resolved at start-up: either {@code LIVEKIT_URL} or the local
 * child process.
 *
 * @param url what clients connect to ({@code ws://} or {@code wss://})
 * @param apiKey the key tokens and API calls are signed with
 * @param apiSecret its secret
 * @param webhookKeys every key pair a webhook may be signed with (the API key first)
 */
public record LiveKitConnection(String url, String apiKey, String apiSecret, Map<String, String> webhookKeys) {

    public LiveKitConnection {
        Map<String, String> all = new LinkedHashMap<>();
        all.put(apiKey, apiSecret);
        webhookKeys.forEach(all::putIfAbsent);
        webhookKeys = java.util.Collections.unmodifiableMap(all);
    }

    /** The HTTP(S) base URL of the server API (Twirp), derived from {@link #url}. */
    public String httpUrl() {
        if (url.startsWith("wss://")) {
            return "https://" + url.substring("wss://".length());
        }
        if (url.startsWith("ws://")) {
            return "http://" + url.substring("ws://".length());
        }
        return url;
    }

    @Override
    public String toString() {
        // Records print every component; the secrets must never reach a log line.
        return "LiveKitConnection[url=" + url + ", apiKey=" + apiKey + ", webhookKeys=" + webhookKeys.keySet() + "]";
    }
}
