package dev.sofia.clinic.console.admin.telephony;

import dev.sofia.clinic.console.admin.AdminMessages;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.ProblemException;
import dev.sofia.clinic.telephony.CallRoutes;
import dev.sofia.clinic.telephony.TelephonyConnection;
import dev.sofia.clinic.telephony.TelephonyConnections;
import dev.sofia.clinic.telephony.TelephonyNumbers;
import dev.sofia.clinic.telephony.TransferTargets;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/telephony}: the carrier connections (edited on their own page, {@link
 * ConnectionPageController}), the phone numbers, their call routes, the transfer targets, and the
 * sync with LiveKit. Every change goes through the telephony module's services, which check it as
 * for its REST API; numbers and routes are then synced to LiveKit, as the API does after a change.
 * A refused change shows the page again with the reasons next to the fields (422, or 409 for a
 * clash such as a number configured twice) and changes nothing.
 */
@Controller
class TelephonyPageController {

    static final String VIEW = "console/admin/telephony";
    static final List<String> LANGUAGES = List.of("de", "en", "ru");
    static final List<String> KINDS = List.of("main", "emergency", "other");

    private final TelephonyConnections connections;
    private final TelephonyNumbers numbers;
    private final CallRoutes routes;
    private final TransferTargets targets;
    private final SyncStatus sync;
    private final AdminMessages messages;

    TelephonyPageController(
            TelephonyConnections connections,
            TelephonyNumbers numbers,
            CallRoutes routes,
            TransferTargets targets,
            SyncStatus sync,
            AdminMessages messages) {
        this.connections = connections;
        this.numbers = numbers;
        this.routes = routes;
        this.targets = targets;
        this.sync = sync;
        this.messages = messages;
    }

    @GetMapping("/admin/telephony")
    String page(Model model) {
        return render(model, Map.of(), Map.of());
    }

    @PostMapping("/admin/telephony/sync")
    String syncNow(RedirectAttributes redirect) {
        SyncStatus.Outcome outcome = sync.syncNow();
        redirect.addFlashAttribute("syncOutcome", outcome);
        // a failure is announced by the outcome on the page (role="alert"), not by the frame's notice
        if (outcome.synced()) {
            redirect.addFlashAttribute(
                    "notice",
                    messages.text("admin.telephony.sync.done", outcome.changes().size()));
        }
        return "redirect:/admin/telephony#sync";
    }

    @PostMapping("/admin/telephony/numbers")
    String addNumber(
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> form = form(params, "number.");
        return change(
                model,
                response,
                redirect,
                form,
                "number",
                "admin.telephony.numbers.added",
                true,
                () -> numbers.create(new TelephonyNumbers.NumberRequest(
                        uuid(form.get("number.connectionId"), "connectionId"),
                        form.get("number.number"),
                        form.get("number.label"))));
    }

    @PostMapping("/admin/telephony/numbers/{id}/delete")
    String deleteNumber(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(
                model,
                response,
                redirect,
                Map.of(),
                "numbers",
                "admin.telephony.numbers.deleted",
                true,
                () -> numbers.delete(id));
    }

    @PostMapping("/admin/telephony/routes")
    String addRoute(
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> form = form(params, "route.");
        return change(
                model,
                response,
                redirect,
                form,
                "route",
                "admin.telephony.routes.added",
                true,
                () -> routes.create(new CallRoutes.RouteRequest(
                        uuid(form.get("route.phoneNumberId"), "phoneNumberId"),
                        form.get("route.agentName"),
                        form.get("route.language"),
                        form.get("route.greeting"),
                        params.containsKey("route.enabled"))));
    }

    /** Switches a route on or off, keeping everything else about it. */
    @PostMapping("/admin/telephony/routes/{id}/enabled")
    String enableRoute(
            @PathVariable UUID id,
            @RequestParam boolean enabled,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(model, response, redirect, Map.of(), "routes", "admin.telephony.routes.changed", true, () -> {
            CallRoutes.CallRoute route = routes.find(id).orElseThrow(() -> new NotFoundException("call route", id));
            routes.update(
                    id,
                    new CallRoutes.RouteRequest(
                            route.phoneNumberId(), route.agentName(), route.language(), route.greeting(), enabled));
        });
    }

    @PostMapping("/admin/telephony/routes/{id}/delete")
    String deleteRoute(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(
                model,
                response,
                redirect,
                Map.of(),
                "routes",
                "admin.telephony.routes.deleted",
                true,
                () -> routes.delete(id));
    }

    @PostMapping("/admin/telephony/targets")
    String addTarget(
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> form = form(params, "target.");
        // transfer targets live only in Sofia's database: nothing to sync (as in the API)
        return change(
                model,
                response,
                redirect,
                form,
                "target",
                "admin.telephony.targets.added",
                false,
                () -> targets.create(new TransferTargets.TargetRequest(
                        form.get("target.kind"), form.get("target.number"), form.get("target.label"))));
    }

    @PostMapping("/admin/telephony/targets/{id}/delete")
    String deleteTarget(@PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(
                model,
                response,
                redirect,
                Map.of(),
                "targets",
                "admin.telephony.targets.deleted",
                false,
                () -> targets.delete(id));
    }

    @PostMapping("/admin/telephony/connections/{id}/delete")
    String deleteConnection(
            @PathVariable UUID id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        return change(
                model,
                response,
                redirect,
                Map.of(),
                "connections",
                "admin.telephony.connections.deleted",
                true,
                () -> connections.delete(id));
    }

    /**
     * Runs one change. Refused: the page again with the problem under the form {@code section}
     * (its fields named {@code section.field}) and the input kept. Done: synced if {@code
     * syncAfter}, and back to the page with a notice.
     */
    private String change(
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            Map<String, String> form,
            String section,
            String doneKey,
            boolean syncAfter,
            Runnable step) {
        try {
            step.run();
        } catch (ProblemException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            if (e.errors().isEmpty()) {
                errors.put(section, messages.problem(e));
            } else {
                errors.putAll(messages.fieldErrors(e, f -> section + "." + f));
            }
            response.setStatus(
                    e instanceof InvalidInputException ? 422 : e.status().value());
            return render(model, form, errors);
        }
        if (syncAfter) {
            SyncStatus.Outcome outcome = sync.syncNow();
            redirect.addFlashAttribute("syncOutcome", outcome);
        }
        redirect.addFlashAttribute("notice", messages.text(doneKey));
        return "redirect:/admin/telephony#" + section.replaceAll("s$", "") + "s";
    }

    private String render(Model model, Map<String, String> form, Map<String, String> errors) {
        List<TelephonyConnection> allConnections = connections.list();
        var allNumbers = numbers.list();
        var allRoutes = routes.list();
        Map<UUID, String> connectionNames = new LinkedHashMap<>();
        allConnections.forEach(c -> connectionNames.put(c.id(), c.name()));
        Map<String, String> values = new LinkedHashMap<>(form);
        values.putIfAbsent("route.language", "de");
        values.putIfAbsent("target.kind", "main");
        model.addAttribute("form", values);
        model.addAttribute("errors", errors);
        model.addAttribute("connections", allConnections);
        model.addAttribute("connectionNames", connectionNames);
        model.addAttribute("numbers", allNumbers);
        model.addAttribute("routes", allRoutes);
        model.addAttribute("targets", targets.list());
        model.addAttribute("languages", LANGUAGES);
        model.addAttribute("kinds", KINDS);
        model.addAttribute("drift", sync.drift());
        model.addAttribute("labels", SyncStatus.labels(allConnections, allNumbers, allRoutes));
        return VIEW;
    }

    private static Map<String, String> form(MultiValueMap<String, String> params, String prefix) {
        Map<String, String> form = new LinkedHashMap<>();
        params.forEach((name, list) -> {
            if (name.startsWith(prefix) && !list.isEmpty()) {
                form.put(name, list.getFirst());
            }
        });
        return form;
    }

    /** An id from a select; anything else is left to the service to call missing. */
    static @Nullable UUID uuid(@Nullable String raw, String field) {
        try {
            return raw == null || raw.isBlank() ? null : UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is required");
        }
    }
}
