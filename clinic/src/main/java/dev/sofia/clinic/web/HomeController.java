package dev.sofia.clinic.web;

import dev.sofia.clinic.practice.AppointmentType;
import dev.sofia.clinic.practice.Doctor;
import dev.sofia.clinic.practice.OpeningHours;
import dev.sofia.clinic.practice.PracticeCatalog;
import java.time.format.TextStyle;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The practice's home page: who it is, when it is open, who works there, what can be booked. */
@Controller
class HomeController {

    private final PracticeCatalog catalog;

    HomeController(PracticeCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/")
    String home(Model model) {
        var practice = catalog.findPractice();
        model.addAttribute("configured", practice.isPresent());
        practice.ifPresent(p -> {
            model.addAttribute("practice", p);
            model.addAttribute(
                    "hours",
                    p.openingHours().stream().map(HomeController::hours).toList());
        });
        model.addAttribute(
                "doctors", catalog.doctors().stream().filter(Doctor::active).toList());
        model.addAttribute(
                "types",
                catalog.appointmentTypes().stream()
                        .filter(AppointmentType::active)
                        .map(t -> new TypeLine(t.name().de(), t.duration().toMinutes()))
                        .toList());
        return "home";
    }

    private static String hours(OpeningHours h) {
        return h.day().getDisplayName(TextStyle.FULL, Locale.GERMAN) + " " + h.opens() + "–" + h.closes();
    }

    record TypeLine(String name, long minutes) {}
}
