package dev.sofia.clinic.receptionist.time;

import dev.sofia.clinic.scheduling.PartOfDay;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * How one language is read: rewrites that settle ambiguous words first, number words, then dates,
 * days, times and parts of the day — in that order, each taking its words out of the text.
 */
record Grammar(
        List<Rewrite> rewrites,
        NumberWords numbers,
        List<Rule<DateSpan>> dates,
        List<Rule<DateSpan>> days,
        List<Rule<SpokenTime>> times,
        List<Rule<PartOfDay>> partsOfDay) {

    record Rewrite(Pattern pattern, String replacement) {
        static Rewrite of(String regex, String replacement) {
            return new Rewrite(Pattern.compile("\\b(?:" + regex + ")\\b"), replacement);
        }
    }

    private static final String GERMAN_WEEKDAY = CalendarWords.alternation(CalendarWords.GERMAN_WEEKDAYS);
    private static final String ENGLISH_WEEKDAY = CalendarWords.alternation(CalendarWords.ENGLISH_WEEKDAYS);

    /**
     * "Morgen" is tomorrow, but "Guten Morgen" is a greeting and "heute Morgen", "am Morgen",
     * "Dienstagmorgen" and "morgen Morgen" are mornings; "dienstags" is a Tuesday; "so früh wie
     * möglich" asks for the earliest slot, not for a morning. "ein"/"eine" after "Uhr" is an article
     * ("um 14 Uhr eine Kontrolle"), not a minute: nobody says 14:01 that way.
     */
    static final Grammar GERMAN = new Grammar(
            List.of(
                    Rewrite.of("(?:guten|schoenen) (?:morgen|tag|abend)", " "),
                    Rewrite.of("(?:so )?frueh wie moeglich|moeglichst frueh", " "),
                    Rewrite.of("uhr (?:ein|eine|einen|einem|einer)", "uhr"),
                    Rewrite.of(
                            "(" + GERMAN_WEEKDAY + ")s?(vormittags?|nachmittags?|abends?|morgens?|mittags?|frueh)",
                            "$1 $2"),
                    Rewrite.of("(" + GERMAN_WEEKDAY + ")s", "$1"),
                    Rewrite.of("(heute|am|morgen|uebermorgen|" + GERMAN_WEEKDAY + ") morgen", "$1 vormittag")),
            GermanNumbers.WORDS,
            ExplicitDates.GERMAN,
            GermanDays.RULES,
            GermanTimes.RULES,
            PartsOfDay.GERMAN);

    /** "Good morning" is a greeting, "tonight" this evening, "Tuesday night" Tuesday evening. */
    static final Grammar ENGLISH = new Grammar(
            List.of(
                    Rewrite.of("good (?:morning|afternoon|evening|day)", " "),
                    Rewrite.of("tonight", "today evening"),
                    Rewrite.of("this (morning|afternoon|evening)", "today $1"),
                    Rewrite.of("night", "evening"),
                    Rewrite.of("this coming", "coming"),
                    Rewrite.of("(" + ENGLISH_WEEKDAY + ")s", "$1")),
            EnglishNumbers.WORDS,
            ExplicitDates.ENGLISH,
            EnglishDays.RULES,
            EnglishTimes.RULES,
            PartsOfDay.ENGLISH);

    Findings read(String normalizedText, LocalDate today) {
        Utterance utterance = new Utterance(normalizedText);
        for (Rewrite rewrite : rewrites) {
            utterance.rewrite(rewrite.pattern(), rewrite.replacement());
        }
        utterance.rewrite(numbers);
        DateSpan span = utterance.take(dates, today);
        if (span == null) {
            span = coverAll(utterance, today);
        }
        SpokenTime time = utterance.take(times, today);
        PartOfDay partOfDay = utterance.take(partsOfDay, today);
        return new Findings(span, time, partOfDay);
    }

    /**
     * Relative days, all of them: "morgen oder übermorgen" and "Monday to Wednesday" become one
     * range over both, as a slot search can only look at a range. An explicit date is taken alone,
     * the weekday said with it ("Montag, den 22. Juni") only confirms it.
     */
    private @Nullable DateSpan coverAll(Utterance utterance, LocalDate today) {
        DateSpan span = utterance.take(days, today);
        for (DateSpan more = span == null ? null : utterance.take(days, today);
                more != null && span != null;
                more = utterance.take(days, today)) {
            span = span.cover(more);
        }
        return span;
    }
}
