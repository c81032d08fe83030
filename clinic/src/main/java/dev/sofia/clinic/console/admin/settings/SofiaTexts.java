package dev.sofia.clinic.console.admin.settings;

import dev.sofia.clinic.receptionist.ReceptionistTexts;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sofia's own words for the settings page: one language's five texts at a time, checked as {@code
 * PUT /api/receptionist/texts/{topic}/{language}} checks one (de, en or ru; at most 2000
 * characters; no control characters but line breaks; blank removes the text) and saved together
 * or not at all. Browsers send a textarea's line breaks as CR LF; they are read as the LF the API
 * takes, so text typed in the console passes the same check as text sent to the API.
 */
@Component
class SofiaTexts {

    static final List<String> LANGUAGES = List.of("de", "en", "ru");

    /** ReceptionistTextsController.MAX_LENGTH, which is not visible outside its package. */
    static final int MAX_LENGTH = 2000;

    private final ReceptionistTexts texts;
    private final TransactionTemplate tx;

    SofiaTexts(ReceptionistTexts texts, TransactionTemplate tx) {
        this.texts = texts;
        this.tx = tx;
    }

    /** The form field (and API topic) of a topic: greeting, consent_notice … */
    static String field(ReceptionistTexts.Topic topic) {
        return topic.name().toLowerCase(Locale.ROOT);
    }

    static List<String> topics() {
        return Arrays.stream(ReceptionistTexts.Topic.values())
                .map(SofiaTexts::field)
                .toList();
    }

    /** The stored texts: language → topic field → text (only the ones set). */
    Map<String, Map<String, String>> byLanguage() {
        Map<String, Map<String, String>> result = new LinkedHashMap<>();
        LANGUAGES.forEach(l -> result.put(l, new LinkedHashMap<>()));
        for (ReceptionistTexts.Text t : texts.all()) {
            result.computeIfAbsent(t.language(), l -> new LinkedHashMap<>()).put(t.topic(), t.text());
        }
        return result;
    }

    /** What Sofia says when no greeting is set, per language: shown as the greeting field's hint. */
    Map<String, String> defaultGreetings() {
        Map<String, String> result = new LinkedHashMap<>();
        try {
            LANGUAGES.forEach(l -> result.put(l, texts.greeting(l)));
        } catch (IllegalStateException e) {
            // no practice yet: no default greeting to show
        }
        return result;
    }

    /** Saves one language's texts (topic field → text, null or blank removes), all or none. */
    void save(String language, Map<String, String> entered) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!LANGUAGES.contains(language)) {
            problems.add(new FieldProblem("language", "must be de, en or ru"));
        }
        Map<ReceptionistTexts.Topic, String> checked = new LinkedHashMap<>();
        for (ReceptionistTexts.Topic topic : ReceptionistTexts.Topic.values()) {
            String field = field(topic);
            String raw = entered.get(field);
            String text = raw == null ? "" : raw.replace("\r\n", "\n");
            if (text.strip().length() > MAX_LENGTH) {
                problems.add(new FieldProblem(field, "must be at most " + MAX_LENGTH + " characters"));
            } else if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
                problems.add(new FieldProblem(field, "must not contain control characters"));
            }
            checked.put(topic, text);
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        tx.executeWithoutResult(status -> checked.forEach((topic, text) -> texts.save(topic, language, text)));
    }
}
