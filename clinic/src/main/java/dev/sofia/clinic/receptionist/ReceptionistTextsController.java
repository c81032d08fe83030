package dev.sofia.clinic.receptionist;

import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Sofia says in the practice's own words: the greeting, the consent notice read at the start
 * of every call, parking, insurance and directions, per language. A blank text removes it.
 */
@RestController
@RequestMapping("/api/receptionist/texts")
@Tag(name = "Receptionist")
class ReceptionistTextsController {

    static final int MAX_LENGTH = 2000;
    private static final Set<String> LANGUAGES = Set.of("de", "en", "ru");

    private final ReceptionistTexts texts;

    ReceptionistTextsController(ReceptionistTexts texts) {
        this.texts = texts;
    }

    /** The body of a change. */
    record TextBody(@Nullable String text) {}

    @GetMapping
    @Operation(summary = "Every text the practice set")
    List<ReceptionistTexts.Text> list() {
        return texts.all();
    }

    @PutMapping("/{topic}/{language}")
    @Operation(
            summary =
                    "Set one text (greeting, consent_notice, parking, insurance, directions; de, en, ru); blank removes it")
    List<ReceptionistTexts.Text> put(
            @PathVariable String topic, @PathVariable String language, @RequestBody @Nullable TextBody body) {
        List<FieldProblem> problems = new ArrayList<>();
        ReceptionistTexts.Topic chosen = topic(topic, problems);
        if (!LANGUAGES.contains(language)) {
            problems.add(new FieldProblem("language", "must be de, en or ru"));
        }
        String text = body == null ? null : body.text();
        if (text == null) {
            problems.add(new FieldProblem("text", "is required (an empty text removes it)"));
        } else if (text.strip().length() > MAX_LENGTH) {
            problems.add(new FieldProblem("text", "must be at most " + MAX_LENGTH + " characters"));
        } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            problems.add(new FieldProblem("text", "must not contain control characters"));
        }
        if (!problems.isEmpty() || chosen == null || text == null) {
            throw new InvalidInputException(problems);
        }
        texts.save(chosen, language, text);
        return texts.all();
    }

    private static ReceptionistTexts.@Nullable Topic topic(String raw, List<FieldProblem> problems) {
        try {
            return ReceptionistTexts.Topic.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(
                    "topic", "must be one of greeting, consent_notice, parking, insurance, directions"));
            return null;
        }
    }
}
