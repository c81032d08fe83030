package dev.sofia.clinic.console.admin.telephony;

import dev.sofia.clinic.console.admin.AdminMessages;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.ProblemException;
import dev.sofia.clinic.telephony.TelephonyConnection;
import dev.sofia.clinic.telephony.TelephonyConnections;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * A carrier connection's own page: add one ({@code /admin/telephony/connections/new}) or change
 * one ({@code /admin/telephony/connections/{id}}), through {@link TelephonyConnections} as {@code
 * POST}/{@code PUT /api/telephony/connections}, then synced to LiveKit.
 */
@Controller
class ConnectionPageController {

    static final String VIEW = "console/admin/connection";
    private static final Pattern ADDRESS_FIELD = Pattern.compile("inbound\\.allowedAddresses\\[(\\d+)]");

    private final TelephonyConnections connections;
    private final SyncStatus sync;
    private final AdminMessages messages;

    ConnectionPageController(TelephonyConnections connections, SyncStatus sync, AdminMessages messages) {
        this.connections = connections;
        this.sync = sync;
        this.messages = messages;
    }

    @GetMapping("/admin/telephony/connections/new")
    String newConnection(Model model) {
        return render(model, null, ConnectionForm.empty(), Map.of());
    }

    @GetMapping("/admin/telephony/connections/{id}")
    String edit(@PathVariable UUID id, Model model) {
        TelephonyConnection connection = existing(id);
        return render(model, connection, ConnectionForm.of(connection), Map.of());
    }

    @PostMapping("/admin/telephony/connections")
    String create(
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        ConnectionForm form = ConnectionForm.of(params);
        try {
            connections.create(form.toRequest(params));
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return render(model, null, form, errors(e, form));
        }
        return saved(redirect, "admin.telephony.connections.added");
    }

    @PostMapping("/admin/telephony/connections/{id}")
    String update(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        TelephonyConnection connection = existing(id);
        ConnectionForm form = ConnectionForm.of(params);
        try {
            connections.update(id, form.toRequest(params));
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return render(model, connection, form, errors(e, form));
        }
        return saved(redirect, "admin.telephony.connections.changed");
    }

    private String saved(RedirectAttributes redirect, String key) {
        redirect.addFlashAttribute("syncOutcome", sync.syncNow());
        redirect.addFlashAttribute("notice", messages.text(key));
        return "redirect:/admin/telephony#connections";
    }

    /** The problems by field; a refused address names itself, as the list is one text field. */
    private Map<String, String> errors(ProblemException e, ConnectionForm form) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> addresses = form.addresses();
        e.errors().forEach(p -> {
            Matcher m = ADDRESS_FIELD.matcher(p.field());
            String field = m.matches() ? ConnectionForm.ADDRESSES : p.field();
            String reason = messages.reason(p.reason());
            if (m.matches() && Integer.parseInt(m.group(1)) < addresses.size()) {
                reason = addresses.get(Integer.parseInt(m.group(1))) + ": " + reason;
            }
            errors.merge(field, reason, (a, b) -> a + "; " + b);
        });
        return errors;
    }

    private String render(
            Model model, @Nullable TelephonyConnection connection, ConnectionForm form, Map<String, String> errors) {
        model.addAttribute("connection", connection);
        model.addAttribute("form", form.values);
        model.addAttribute("errors", errors);
        model.addAttribute("carriers", TelephonyConnection.CARRIERS);
        model.addAttribute("transports", TelephonyConnection.TRANSPORTS);
        return VIEW;
    }

    private TelephonyConnection existing(UUID id) {
        return connections.find(id).orElseThrow(() -> new NotFoundException("telephony connection", id));
    }
}
