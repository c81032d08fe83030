package dev.sofia.clinic.telephony;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Sync with LiveKit on demand, and the drift report. */
@RestController
@RequestMapping("/api/telephony/sync")
@Tag(name = "Telephony")
class TelephonySyncController {

    private final TelephonySync sync;

    TelephonySyncController(TelephonySync sync) {
        this.sync = sync;
    }

    @PostMapping
    @Operation(summary = "Make LiveKit's SIP trunks and dispatch rules match the database; lists what changed")
    SyncReport sync() {
        return sync.sync();
    }

    @GetMapping
    @Operation(summary = "Sync status of each connection and every difference between LiveKit and the database")
    DriftReport status() {
        return sync.drift();
    }
}
