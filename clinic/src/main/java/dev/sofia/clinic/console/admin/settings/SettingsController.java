package dev.sofia.clinic.console.admin.settings;

import dev.sofia.clinic.console.admin.AdminMessages;
import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.practice.PracticeSettings;
import dev.sofia.clinic.receptionist.ReceptionistTexts;
import dev.sofia.clinic.system.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/settings}: the practice (the same {@link PracticeSettings} and checks as {@code
 * PUT /api/practice}), Sofia's own words per language (as {@code PUT /api/receptionist/texts/…}),
 * and, read-only, the providers Sofia runs with.
 */
@Controller
class SettingsController {

    static final String VIEW = "console/admin/settings";

    private final PracticeCatalog catalog;
    private final PracticeSettings settings;
    private final SofiaTexts texts;
    private final Providers providers;
    private final AdminMessages messages;

    SettingsController(
            PracticeCatalog catalog,
            PracticeSettings settings,
            SofiaTexts texts,
            Providers providers,
            AdminMessages messages) {
        this.catalog = catalog;
        this.settings = settings;
        this.texts = texts;
        this.providers = providers;
        this.messages = messages;
    }

    @GetMapping("/admin/settings")
    String page(Model model) {
        return render(
                model,
                catalog.findPractice()
                        .map(PracticeForm::of)
                        .orElseGet(() -> PracticeForm.of(new LinkedMultiValueMap<>())),
                Map.of(),
                null,
                Map.of(),
                Map.of());
    }

    @PostMapping("/admin/settings/practice")
    String savePractice(
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        PracticeForm form = PracticeForm.of(params);
        try {
            Practice practice = form.toPractice();
            settings.save(practice);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return render(model, form, messages.fieldErrors(e, form::fieldOf), null, Map.of(), Map.of());
        }
        redirect.addFlashAttribute("notice", messages.text("admin.settings.practice.saved"));
        return "redirect:/admin/settings";
    }

    @PostMapping("/admin/settings/texts/{language}")
    String saveTexts(
            @PathVariable String language,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> entered = new LinkedHashMap<>();
        for (ReceptionistTexts.Topic topic : ReceptionistTexts.Topic.values()) {
            String field = SofiaTexts.field(topic);
            entered.put(field, params.getFirst(field));
        }
        try {
            texts.save(language, entered);
        } catch (InvalidInputException e) {
            response.setStatus(422);
            PracticeForm practice = catalog.findPractice().map(PracticeForm::of).orElseThrow();
            return render(model, practice, Map.of(), language, entered, messages.fieldErrors(e, f -> f));
        }
        redirect.addFlashAttribute(
                "notice", messages.text("admin.settings.texts.saved", language.toUpperCase(java.util.Locale.ROOT)));
        return "redirect:/admin/settings#texts-" + language;
    }

    /**
     * The page; {@code textLanguage}, {@code enteredTexts} and {@code textErrors} are set when that
     * language's texts were refused, which are then shown as entered.
     */
    private String render(
            Model model,
            PracticeForm form,
            Map<String, String> errors,
            @Nullable String textLanguage,
            Map<String, String> enteredTexts,
            Map<String, String> textErrors) {
        model.addAttribute("form", form.values);
        model.addAttribute("chosenLanguages", form.languages);
        model.addAttribute("errors", errors);
        model.addAttribute("days", days(form));
        model.addAttribute("zones", new TreeSet<>(ZoneId.getAvailableZoneIds()));
        model.addAttribute("languages", PracticeForm.LANGUAGES);
        model.addAttribute("topics", SofiaTexts.topics());
        Map<String, Map<String, String>> shown = new LinkedHashMap<>(texts.byLanguage());
        if (textLanguage != null) {
            shown.put(textLanguage, enteredTexts);
        }
        model.addAttribute("texts", shown);
        model.addAttribute("defaultGreetings", texts.defaultGreetings());
        model.addAttribute("textLanguage", textLanguage);
        model.addAttribute("textErrors", textErrors);
        model.addAttribute("providers", providers.inUse());
        return VIEW;
    }

    /** One weekday of the opening hours form: its name in the page's language and its span rows. */
    record Day(String key, String label, List<Integer> spans) {}

    private static List<Day> days(PracticeForm form) {
        return java.util.Arrays.stream(DayOfWeek.values())
                .map(d -> new Day(
                        d.name(),
                        d.getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale()),
                        java.util.stream.IntStream.range(0, form.spans(d))
                                .boxed()
                                .toList()))
                .toList();
    }
}
