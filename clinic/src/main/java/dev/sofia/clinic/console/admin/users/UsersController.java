package dev.sofia.clinic.console.admin.users;

import dev.sofia.clinic.console.admin.AdminMessages;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.ProblemException;
import dev.sofia.clinic.system.security.StaffDirectory;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/users}: the staff users, through {@link StaffDirectory}, which holds the rules (a
 * password of 12 to 72 bytes, hashed; nobody deactivates or demotes themselves; the last active
 * admin stays one). A refused change shows the page again with the reason next to the form (422)
 * and changes nothing; the passwords typed are never shown again.
 */
@Controller
class UsersController {

    static final String VIEW = "console/admin/users";

    private final StaffDirectory directory;
    private final AdminMessages messages;

    UsersController(StaffDirectory directory, AdminMessages messages) {
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String page(Model model) {
        return render(model, Map.of("role", "STAFF"), Map.of(), null);
    }

    @PostMapping("/admin/users")
    String add(
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String displayName,
            @RequestParam(defaultValue = "STAFF") String role,
            @RequestParam(required = false) String password,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email == null ? "" : email);
        form.put("displayName", displayName == null ? "" : displayName);
        form.put("role", role);
        try {
            StaffDirectory.Member added = directory.add(email, displayName, role(role), password);
            redirect.addFlashAttribute("notice", messages.text("admin.users.added", added.email()));
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return render(model, form, messages.fieldErrors(e, f -> f), null);
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{id}/role")
    String changeRole(
            @PathVariable UUID id,
            @RequestParam String role,
            Authentication me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(
                id,
                model,
                response,
                redirect,
                "admin.users.roleChanged",
                () -> directory.changeRole(id, role(role), me.getName()));
    }

    @PostMapping("/admin/users/{id}/active")
    String setActive(
            @PathVariable UUID id,
            @RequestParam boolean active,
            Authentication me,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(
                id,
                model,
                response,
                redirect,
                active ? "admin.users.reactivated" : "admin.users.deactivated",
                () -> directory.setActive(id, active, me.getName()));
    }

    @PostMapping("/admin/users/{id}/password")
    String setPassword(
            @PathVariable UUID id,
            @RequestParam(required = false) String password,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        return change(id, model, response, redirect, "admin.users.passwordSet", () -> {
            directory.setPassword(id, password);
            return directory.find(id).orElseThrow();
        });
    }

    private interface Step {
        StaffDirectory.Member run();
    }

    private String change(
            UUID id,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect,
            String doneKey,
            Step step) {
        try {
            StaffDirectory.Member member = step.run();
            redirect.addFlashAttribute("notice", messages.text(doneKey, member.email()));
        } catch (ProblemException e) {
            response.setStatus(
                    e instanceof InvalidInputException ? 422 : e.status().value());
            Map<String, String> errors = e.errors().isEmpty()
                    ? Map.of("user", messages.problem(e))
                    : messages.fieldErrors(e, f -> f.equals("password") ? "password" : "user");
            return render(model, Map.of("role", "STAFF"), errors, id);
        }
        return "redirect:/admin/users";
    }

    /** The page; {@code failedUser} is the user whose change was refused, to show the reason at their row. */
    private String render(
            Model model, Map<String, String> form, Map<String, String> errors, @Nullable UUID failedUser) {
        List<StaffDirectory.Member> users = directory.list();
        model.addAttribute("users", users);
        model.addAttribute("form", form);
        model.addAttribute("errors", failedUser == null ? errors : Map.of());
        model.addAttribute("rowErrors", failedUser == null ? Map.of() : errors);
        model.addAttribute("failedUser", failedUser);
        model.addAttribute("roles", List.of("STAFF", "ADMIN"));
        return VIEW;
    }

    private static StaffDirectory.Role role(String raw) {
        try {
            return StaffDirectory.Role.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("role", "must be admin or staff");
        }
    }
}
