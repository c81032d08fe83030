package dev.sofia.clinic.livekit;

import io.livekit.server.WebhookReceiver;
import java.util.List;
import java.util.Optional;
import livekit.LivekitWebhook.WebhookEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a webhook with the SDK's {@link WebhookReceiver}: an HMAC-SHA256 JWT in the Authorization
 * header, issued by one of our API keys, unexpired, whose {@code sha256} claim matches the body.
 * Every configured key pair gets its own receiver so a webhook signed with the old key still passes
 * while keys rotate. An {@code alg=none} or otherwise unsigned token never verifies: the receiver
 * requires HMAC256.
 */
@Component
public class WebhookVerifier {

    private final List<WebhookReceiver> receivers;

    WebhookVerifier(LiveKitConnection connection) {
        this.receivers = connection.webhookKeys().entrySet().stream()
                .map(key -> new WebhookReceiver(key.getKey(), key.getValue()))
                .toList();
    }

    /**
     * The decoded event, or empty when the header is missing, forged, expired, signed by an unknown
     * key, or the body was modified. The reason is deliberately not returned: a caller probing
     * signatures learns nothing.
     */
    public Optional<WebhookEvent> verify(String body, @Nullable String authorization) {
        if (authorization == null || authorization.isBlank()) {
            return Optional.empty();
        }
        String token = authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).strip()
                : authorization.strip();
        for (WebhookReceiver receiver : receivers) {
            try {
                return Optional.of(receiver.receive(body, token));
            } catch (RuntimeException e) {
                // Wrong key, bad signature, expired, body hash mismatch, or a body that is not a
                // webhook event: try the next key; none left means unauthorised.
            }
        }
        return Optional.empty();
    }
}
