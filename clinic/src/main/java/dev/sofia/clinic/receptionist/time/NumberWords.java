package dev.sofia.clinic.receptionist.time;

import java.util.Comparator;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Number words replaced by digits before the rules run ("halb zehn" → "halb 10", "am dritten" →
 * "am 3.", "twenty first" → "21st"), so every rule has to deal with digits only.
 */
final class NumberWords {

    private final Map<String, String> digitsByWord;
    private final Pattern words;

    NumberWords(Map<String, String> digitsByWord) {
        this.digitsByWord = Map.copyOf(digitsByWord);
        // Longest first, so "einundzwanzig" is not read as "ein" and "twenty one" not as "twenty".
        String alternatives = digitsByWord.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote)
                .collect(Collectors.joining("|"));
        this.words = Pattern.compile("\\b(?:" + alternatives + ")\\b");
    }

    String toDigits(String text) {
        return words.matcher(text).replaceAll(match -> digitsByWord.get(match.group()));
    }
}
