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

/** The numbers calls may be transferred to (they live only in Sofia's database, not in LiveKit). */
@RestController
@RequestMapping("/api/telephony/transfer-targets")
@Tag(name = "Telephony")
class TransferTargetController {

    private final TransferTargets targets;

    TransferTargetController(TransferTargets targets) {
        this.targets = targets;
    }

    @GetMapping
    @Operation(summary = "All transfer targets")
    List<TransferTargets.TransferTarget> list() {
        return targets.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One transfer target")
    TransferTargets.TransferTarget get(@PathVariable UUID id) {
        return targets.find(id).orElseThrow(() -> new NotFoundException("transfer target", id));
    }

    @PostMapping
    @Operation(summary = "Allow transfers to a number (main, emergency or other)")
    ResponseEntity<TransferTargets.TransferTarget> create(@RequestBody TransferTargets.TargetRequest body) {
        TransferTargets.TransferTarget target = targets.create(body);
        return ResponseEntity.created(URI.create("/api/telephony/transfer-targets/" + target.id()))
                .body(target);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a transfer target")
    TransferTargets.TransferTarget update(@PathVariable UUID id, @RequestBody TransferTargets.TargetRequest body) {
        return targets.update(id, body);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a transfer target")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        targets.delete(id);
        return ResponseEntity.noContent().build();
    }
}
