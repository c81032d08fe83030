package dev.sofia.clinic.console;

import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.practice.PracticeCatalog;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page's frame shows ({@code templates/console/layout.html}): who is signed
 * in, whether they see the admin pages, and the practice's name.
 */
@ControllerAdvice(basePackages = "dev.sofia.clinic.console")
class ConsolePages {

    private final PracticeCatalog catalog;

    ConsolePages(PracticeCatalog catalog) {
        this.catalog = catalog;
    }

    @ModelAttribute("staff")
    ConsoleUser staff(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch("ROLE_ADMIN"::equals);
        return new ConsoleUser(authentication.getName(), admin);
    }

    @ModelAttribute("practiceName")
    String practiceName() {
        return catalog.findPractice().map(Practice::name).orElse("Sofia");
    }

    /** The signed-in user as the frame shows them; {@code email} is the login name. */
    record ConsoleUser(String email, boolean admin) {}
}
