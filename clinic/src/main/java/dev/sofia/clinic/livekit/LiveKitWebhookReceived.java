package dev.sofia.clinic.livekit;

import java.time.Instant;
import livekit.LivekitWebhook.WebhookEvent;

/**
 * A webhook from LiveKit whose signature and body hash were verified. Published synchronously
 * inside the webhook request's transaction, so a listener that fails makes LiveKit retry the
 * delivery. Listeners must tolerate duplicates and any order: LiveKit retries deliveries and sends
 * them from several goroutines.
 *
 * @param event the decoded event ({@code event.getId()} is unique per event)
 * @param json the body exactly as received, for the audit trail
 * @param receivedAt when Sofia received it (the app clock)
 */
public record LiveKitWebhookReceived(WebhookEvent event, String json, Instant receivedAt) {}
