package dev.sofia.clinic.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff sign-in page, in German or English ({@link PageLanguages}). Spring Security handles
 * the form's POST and sends failures back here with {@code ?error}, logouts with {@code ?logout}.
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String logout,
            Model model) {
        model.addAttribute("failed", error != null);
        model.addAttribute("loggedOut", logout != null);
        return "login";
    }
}
