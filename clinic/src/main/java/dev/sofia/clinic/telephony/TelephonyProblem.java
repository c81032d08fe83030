package dev.sofia.clinic.telephony;

import dev.sofia.clinic.system.ProblemException;
import java.util.List;
import org.springframework.http.HttpStatus;

/** Problems of call control; each type is described in docs/errors.md. */
final class TelephonyProblem extends ProblemException {

    private TelephonyProblem(HttpStatus status, String slug, String title, String detail) {
        super(status, slug, title, detail, List.of());
    }

    /** 404: no such room in LiveKit. The detail never repeats the room name (it may hold a number). */
    static TelephonyProblem callNotFound() {
        return new TelephonyProblem(
                HttpStatus.NOT_FOUND, "call-not-found", "Call not found", "There is no call in a room of that name");
    }

    /** 409: the room exists but no phone caller is in it (not yet connected, or already gone). */
    static TelephonyProblem noSipParticipant() {
        return new TelephonyProblem(
                HttpStatus.CONFLICT,
                "no-sip-participant",
                "No phone caller in the room",
                "The room has no phone (SIP) participant: the call has not connected or has already ended");
    }

    /** 409: this call is already being transferred; a second REFER would reach the carrier twice. */
    static TelephonyProblem transferUnderWay() {
        return new TelephonyProblem(
                HttpStatus.CONFLICT,
                "transfer-under-way",
                "The call is already being transferred",
                "A transfer of this call was started moments ago; it is not sent a second time");
    }

    /** 409: no connection can place the callback. */
    static TelephonyProblem noOutboundTrunk(String detail) {
        return new TelephonyProblem(HttpStatus.CONFLICT, "no-outbound-trunk", "Cannot call out", detail);
    }
}
