package dev.sofia.clinic.receptionist.time;

import java.time.LocalDate;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * One phrase shape and what it means. Patterns run on normalized text (see {@link Utterance}) and
 * never start or end inside a word or a number.
 */
record Rule<T>(Pattern pattern, Meaning<T> meaning) {

    /** What a match means on a given day; null when the match turns out not to fit (31 February). */
    @FunctionalInterface
    interface Meaning<T> {
        @Nullable
        T of(MatchResult match, LocalDate today);
    }

    static <T> Rule<T> of(String regex, Meaning<T> meaning) {
        return new Rule<>(Pattern.compile("(?<![\\w:.])(?:" + regex + ")(?![\\w:]|\\.\\d)"), meaning);
    }
}
