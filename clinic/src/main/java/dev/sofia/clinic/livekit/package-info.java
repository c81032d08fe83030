/**
 * Sofia's side of LiveKit: the connection settings and service clients (rooms, agent dispatch,
 * SIP), the caller tokens, the verified webhook intake, and — when {@code LIVEKIT_URL} is not set —
 * a local {@code livekit-server} started as a child process. Other modules see LiveKit only
 * through what this package exposes: {@link dev.sofia.clinic.livekit.LiveKitClients} for calls to
 * the server ({@link dev.sofia.clinic.livekit.SipTrunkClient} for inbound SIP trunks written
 * whole) and {@link dev.sofia.clinic.livekit.LiveKitWebhookReceived} events for what it reports.
 */
@org.springframework.modulith.ApplicationModule(displayName = "LiveKit")
package dev.sofia.clinic.livekit;
