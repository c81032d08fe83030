/**
 * LiveKit access tokens: HS256 JWTs minted from an API key and secret with the JDK's HMAC, carrying
 * the claims livekit-server reads (identity, video grants including {@code agent}, kind, attributes,
 * room configuration). Used by the agent worker for its own {@code /agent} token and by tests.
 */
@org.jspecify.annotations.NullMarked
package dev.sofia.agents.livekit.auth;
