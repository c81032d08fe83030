package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.AppointmentTypeId;
import dev.sofia.clinic.practice.DoctorId;
import dev.sofia.clinic.practice.PracticeCatalog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Slot holds over HTTP. */
@RestController
@RequestMapping("/api/holds")
@Tag(name = "Scheduling")
class HoldController {

    private final Holds holds;
    private final PracticeCatalog catalog;

    HoldController(Holds holds, PracticeCatalog catalog) {
        this.holds = holds;
        this.catalog = catalog;
    }

    @PostMapping
    @Operation(summary = "Hold a free slot for a few minutes while the caller confirms")
    ResponseEntity<HoldView> hold(@Valid @RequestBody HoldBody body) {
        Hold hold = holds.hold(
                new AppointmentTypeId(body.typeId()),
                body.doctorId() == null ? null : new DoctorId(body.doctorId()),
                body.start().toInstant());
        ZoneId zone = catalog.practice().timeZone();
        HoldView view = new HoldView(
                hold.id().value(),
                body.typeId(),
                SlotView.of(hold.slot(), zone),
                hold.expiresAt().atZone(zone).toOffsetDateTime());
        return ResponseEntity.created(URI.create("/api/holds/" + hold.id())).body(view);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Release a hold")
    ResponseEntity<Void> release(@PathVariable UUID id) {
        holds.release(new HoldId(id));
        return ResponseEntity.noContent().build();
    }

    record HoldBody(
            @NotNull UUID typeId, UUID doctorId, @NotNull OffsetDateTime start) {}

    record HoldView(UUID id, UUID typeId, SlotView slot, OffsetDateTime expiresAt) {}
}
