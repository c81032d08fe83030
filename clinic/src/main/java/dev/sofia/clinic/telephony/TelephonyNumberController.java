package dev.sofia.clinic.telephony;

import dev.sofia.clinic.system.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The practice's phone numbers over HTTP; every change is synced to LiveKit after it is committed. */
@RestController
@RequestMapping("/api/telephony/numbers")
@Tag(name = "Telephony")
class TelephonyNumberController {

    private final TelephonyNumbers numbers;
    private final TelephonySync sync;

    TelephonyNumberController(TelephonyNumbers numbers, TelephonySync sync) {
        this.numbers = numbers;
        this.sync = sync;
    }

    @GetMapping
    @Operation(summary = "All phone numbers")
    List<PhoneNumberEntry> list() {
        return numbers.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One phone number")
    PhoneNumberEntry get(@PathVariable UUID id) {
        return numbers.find(id).orElseThrow(() -> new NotFoundException("phone number", id));
    }

    @PostMapping
    @Operation(summary = "Add a phone number (E.164) to a connection")
    ResponseEntity<PhoneNumberEntry> create(@RequestBody TelephonyNumbers.NumberRequest body) {
        UUID id = numbers.create(body).id();
        sync.syncAfterChange();
        return ResponseEntity.created(URI.create("/api/telephony/numbers/" + id))
                .body(get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a phone number, its label or its connection")
    PhoneNumberEntry update(@PathVariable UUID id, @RequestBody TelephonyNumbers.NumberRequest body) {
        numbers.update(id, body);
        sync.syncAfterChange();
        return get(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a phone number that has no call route")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        numbers.delete(id);
        sync.syncAfterChange();
        return ResponseEntity.noContent().build();
    }
}
