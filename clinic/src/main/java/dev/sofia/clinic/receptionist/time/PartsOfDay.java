package dev.sofia.clinic.receptionist.time;

import dev.sofia.clinic.scheduling.PartOfDay;
import java.util.List;

/**
 * Parts of the day in German and English. "Mittags"/"noon" is not a part but a time (12:00), see
 * {@link GermanTimes}. "Früh" is the morning ("morgen früh" = tomorrow morning).
 */
final class PartsOfDay {

    static final List<Rule<PartOfDay>> GERMAN = List.of(
            Rule.of("(?:am |in der |frueh )?(?:vormittags?|morgens|frueh)", (match, today) -> PartOfDay.MORNING),
            Rule.of("(?:am |spaet )?nachmittags?", (match, today) -> PartOfDay.AFTERNOON),
            Rule.of(
                    "(?:am )?abends?|nach (?:dem |der )?(?:feierabend|arbeit)|feierabend",
                    (match, today) -> PartOfDay.EVENING));

    static final List<Rule<PartOfDay>> ENGLISH = List.of(
            Rule.of("(?:in the |early |late )?mornings?", (match, today) -> PartOfDay.MORNING),
            Rule.of("(?:in the |early |late )?afternoons?", (match, today) -> PartOfDay.AFTERNOON),
            Rule.of("(?:in the |early |late )?evenings?|after work", (match, today) -> PartOfDay.EVENING));

    private PartsOfDay() {}
}
