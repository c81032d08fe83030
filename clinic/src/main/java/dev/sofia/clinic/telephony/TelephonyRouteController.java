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

/** Call routes over HTTP; every change is synced to LiveKit's dispatch rules after it is committed. */
@RestController
@RequestMapping("/api/telephony/routes")
@Tag(name = "Telephony")
class TelephonyRouteController {

    private final CallRoutes routes;
    private final TelephonySync sync;

    TelephonyRouteController(CallRoutes routes, TelephonySync sync) {
        this.routes = routes;
        this.sync = sync;
    }

    @GetMapping
    @Operation(summary = "All call routes")
    List<CallRoutes.CallRoute> list() {
        return routes.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One call route")
    CallRoutes.CallRoute get(@PathVariable UUID id) {
        return routes.find(id).orElseThrow(() -> new NotFoundException("call route", id));
    }

    @PostMapping
    @Operation(summary = "Route calls to a number to an agent, in a language, with a greeting")
    ResponseEntity<CallRoutes.CallRoute> create(@RequestBody CallRoutes.RouteRequest body) {
        UUID id = routes.create(body).id();
        sync.syncAfterChange();
        return ResponseEntity.created(URI.create("/api/telephony/routes/" + id)).body(get(id));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a call route")
    CallRoutes.CallRoute update(@PathVariable UUID id, @RequestBody CallRoutes.RouteRequest body) {
        routes.update(id, body);
        sync.syncAfterChange();
        return get(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a call route")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        routes.delete(id);
        sync.syncAfterChange();
        return ResponseEntity.noContent().build();
    }
}
