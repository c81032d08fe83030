/**
 * Calls: one session per LiveKit room a caller talks to Sofia in, kept from LiveKit's webhooks
 * (every verified event is stored once; the session's status only moves forward, whatever order
 * the events arrive in), a sweeper that closes sessions whose room is gone, the staff API that
 * lists them, and {@code POST /api/sofia/connect}, where a web caller gets a room and a token.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Calls",
        allowedDependencies = {"livekit", "practice", "system"})
package dev.sofia.clinic.calls;
