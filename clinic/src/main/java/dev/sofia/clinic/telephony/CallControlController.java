package dev.sofia.clinic.telephony;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Staff call control: transfer (to configured targets only), hang up, status, callbacks. */
@RestController
@Tag(name = "Telephony")
class CallControlController {

    private final CallControl calls;

    CallControlController(CallControl calls) {
        this.calls = calls;
    }

    record TransferBody(@Nullable String target) {}

    record CallbackBody(
            @Nullable String number,
            @Nullable UUID connectionId,
            @Nullable String language) {}

    @PostMapping("/api/telephony/calls/{room}/transfer")
    @Operation(summary = "Transfer the phone caller to main, emergency or a transfer target id")
    CallControl.Transfer transfer(@PathVariable String room, @RequestBody TransferBody body) {
        return calls.transfer(room, body.target());
    }

    @PostMapping("/api/telephony/calls/{room}/hangup")
    @Operation(summary = "Hang up the phone caller")
    ResponseEntity<Void> hangUp(@PathVariable String room) {
        calls.hangUp(room);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/telephony/calls/{room}/status")
    @Operation(summary = "The phone caller's sip.callStatus")
    CallControl.CallStatus status(@PathVariable String room) {
        return calls.status(room);
    }

    @PostMapping("/api/telephony/outbound-calls")
    @Operation(summary = "Call a patient back in a new callback room with the agent in it")
    ResponseEntity<CallControl.Callback> callBack(@RequestBody CallbackBody body) {
        CallControl.Callback callback = calls.callBack(body.number(), body.connectionId(), body.language());
        return ResponseEntity.created(URI.create("/api/telephony/calls/" + callback.room() + "/status"))
                .body(callback);
    }
}
