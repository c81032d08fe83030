package dev.sofia.clinic.livekit;

import dev.sofia.clinic.system.UnauthorizedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Pattern;
import livekit.LivekitWebhook.WebhookEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/livekit/webhook}: where LiveKit reports rooms and participants. The body is
 * taken as raw bytes (LiveKit sends {@code application/webhook+json}, which no JSON converter should
 * touch), decoded as strict UTF-8 so the text hashed is exactly what was sent, and verified by
 * {@link WebhookVerifier}. Anything unverified is a 401 and nothing is written. A verified event is
 * published as {@link LiveKitWebhookReceived} inside one transaction: if a listener fails, the
 * transaction rolls back, LiveKit sees an error and delivers again.
 */
@RestController
@Tag(name = "LiveKit")
class WebhookController {

    private static final Logger log = LoggerFactory.getLogger(WebhookController.class);

    // Phone rooms may carry the caller's number in their name (LiveKit's individual dispatch rule
    // does): runs of digits are shortened before a room name reaches a log line.
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\d{5,}");

    private final WebhookVerifier verifier;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    WebhookController(WebhookVerifier verifier, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.verifier = verifier;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    @PostMapping("/api/livekit/webhook")
    @Operation(summary = "LiveKit webhook receiver (signed by LiveKit; anything else is refused with 401)")
    ResponseEntity<Void> receive(
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestBody(required = false) byte @Nullable [] body) {
        String json = strictUtf8(body).orElseThrow(WebhookController::unauthorized);
        WebhookEvent event = verifier.verify(json, authorization).orElseThrow(WebhookController::unauthorized);
        publish(event, json);
        return ResponseEntity.ok().build();
    }

    private static UnauthorizedException unauthorized() {
        log.debug("Refused a LiveKit webhook without a valid signature");
        return new UnauthorizedException(
                "webhook-unauthorized",
                "Webhook not authorized",
                "The webhook's signature, issuer, expiry or body hash could not be verified");
    }

    private void publish(WebhookEvent event, String json) {
        if (log.isDebugEnabled()) {
            log.debug(
                    "LiveKit webhook {} id={} room={}",
                    event.getEvent(),
                    event.getId(),
                    event.hasRoom() ? loggable(event.getRoom().getName()) : "-");
        }
        tx.executeWithoutResult(
                status -> events.publishEvent(new LiveKitWebhookReceived(event, json, clock.instant())));
    }

    /** The body as text if it is valid UTF-8; re-encoding it then gives back exactly these bytes. */
    static Optional<String> strictUtf8(byte @Nullable [] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static String loggable(String room) {
        return DIGIT_RUN
                .matcher(room)
                .replaceAll(run -> "…" + run.group().substring(run.group().length() - 2));
    }
}
