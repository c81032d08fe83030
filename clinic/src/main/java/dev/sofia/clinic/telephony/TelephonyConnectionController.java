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

/**
 * Carrier connections over HTTP. Every change is committed first and then synced to LiveKit; the
 * response shows the connection after that sync ({@code sync.status}).
 */
@RestController
@RequestMapping("/api/telephony/connections")
@Tag(name = "Telephony")
class TelephonyConnectionController {

    private final TelephonyConnections connections;
    private final TelephonySync sync;

    TelephonyConnectionController(TelephonyConnections connections, TelephonySync sync) {
        this.connections = connections;
        this.sync = sync;
    }

    @GetMapping
    @Operation(summary = "All carrier connections (passwords are never returned)")
    List<TelephonyConnection> list() {
        return connections.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One carrier connection")
    TelephonyConnection get(@PathVariable UUID id) {
        return connections.find(id).orElseThrow(() -> new NotFoundException("telephony connection", id));
    }

    @PostMapping
    @Operation(summary = "Add a carrier connection")
    ResponseEntity<TelephonyConnection> create(@RequestBody ConnectionRequest body) {
        UUID id = connections.create(body).id();
        sync.syncAfterChange();
        return ResponseEntity.created(URI.create("/api/telephony/connections/" + id))
                .body(get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a carrier connection; a password left out keeps the stored one, \"\" removes it")
    TelephonyConnection update(@PathVariable UUID id, @RequestBody ConnectionRequest body) {
        connections.update(id, body);
        sync.syncAfterChange();
        return get(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a carrier connection that has no phone numbers")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        connections.delete(id);
        sync.syncAfterChange();
        return ResponseEntity.noContent().build();
    }
}
