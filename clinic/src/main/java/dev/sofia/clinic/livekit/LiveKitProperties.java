package dev.sofia.clinic.livekit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach LiveKit, from {@code LIVEKIT_URL}, {@code LIVEKIT_API_KEY}, {@code
 * LIVEKIT_API_SECRET} and {@code LIVEKIT_WEBHOOK_KEYS} (see application.yml). The start-up
 * configuration check has already refused malformed values by the time these are bound.
 *
 * @param url {@code wss://…} (or {@code ws://} outside prod); blank starts a local server
 * @param apiKey the key Sofia signs tokens and API calls with
 * @param apiSecret its secret
 * @param webhookKeys further {@code key:secret} pairs, comma-separated, accepted on webhooks so a
 *     key can be rotated without downtime
 * @param localServer whether a blank url starts a local livekit-server child process
 * @param serverBinary the livekit-server binary for the local server; blank looks in
 *     {@code $SOFIA_TOOLS_BIN}, {@code ~/.cache/sofia/bin} and {@code PATH}
 * @param agentName the agent name Sofia's workers register under and calls are dispatched to
 */
@ConfigurationProperties("sofia.livekit")
public record LiveKitProperties(
        @Nullable String url,
        @Nullable String apiKey,
        @Nullable String apiSecret,
        @Nullable String webhookKeys,
        boolean localServer,
        @Nullable String serverBinary,
        @Nullable String agentName) {

    boolean hasUrl() {
        return url != null && !url.isBlank();
    }

    /** {@code LIVEKIT_WEBHOOK_KEYS} parsed; malformed entries were refused at start-up. */
    Map<String, String> extraWebhookKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        if (webhookKeys == null || webhookKeys.isBlank()) {
            return keys;
        }
        for (String pair : webhookKeys.split(",")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                keys.put(
                        pair.substring(0, colon).strip(),
                        pair.substring(colon + 1).strip());
            }
        }
        return keys;
    }
}
