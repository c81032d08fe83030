/**
 * Telephony: the practice's carrier SIP connections (passwords encrypted at rest), its phone
 * numbers, how calls to each number are answered (routes), and the only numbers a call may be
 * transferred to. Kept in sync with LiveKit's SIP trunks (which carry the practice's longest call
 * as their maximum call duration, plus a minute) and dispatch rules, with drift
 * reported and repaired; plus call control (transfer, hang-up, status, callbacks) for staff and
 * the receptionist. See docs/telephony.md.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Telephony",
        allowedDependencies = {"livekit", "practice", "system"})
package dev.sofia.clinic.telephony;
