/**
 * Calls: one session per LiveKit room a caller talks to Sofia in, kept from LiveKit's webhooks
 * (every verified event is stored once; the session's status only moves forward, whatever order
 * the events arrive in), a sweeper that closes sessions whose room is gone, the staff API that
 * lists them, and {@code POST /api/sofia/connect}, where a web caller gets a room and a token. The
 * receptionist records the patient, outcome, summary and transcript of each call ({@link
 * dev.sofia.clinic.calls.CallRecords}) and leaves messages for staff ({@link
 * dev.sofia.clinic.calls.CallMessages}); transcripts are purged after the retention period.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Calls",
        allowedDependencies = {"livekit", "patients", "practice", "system"})
package dev.sofia.clinic.calls;
