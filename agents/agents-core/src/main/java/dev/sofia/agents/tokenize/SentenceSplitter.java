package dev.sofia.agents.tokenize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits streamed text (LLM tokens) into sentences as soon as each is complete, so speech can start
 * before the answer is finished. German, English and Russian: a sentence ends at {@code . ! ? …}
 * followed by a space, unless the word before the period is a known abbreviation ("Dr.", "z. B.",
 * "Nr.", "Mrs.", "т. е."), an initial ("J.") or a number ("am 3. Mai", "21.11." — German ordinals and dates); newlines end a
 * sentence too. Pieces shorter than {@code minLength} are joined with the next sentence, so TTS is
 * not called for "Ja." alone. Not thread-safe: one splitter per stream.
 */
public final class SentenceSplitter {

    private static final Set<String> ABBREVIATIONS = Set.of(
            "dr", "prof", "hr", "fr", "frl", "nr", "str", "tel", "ca", "bzw", "usw", "etc", "vgl", "ggf", "evtl",
            "inkl", "zzgl", "mr", "mrs", "ms", "st", "vs", "approx", "e.g", "i.e", "z.b", "z", "b", "u.a", "d.h", "o.ä",
            "min", "std", "mo", "di", "mi", "do", "sa", "jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "sept",
            "okt", "nov", "dez", "т.е", "т.д", "т.п", "т", "е", "п", "др", "им", "ул", "г", "д");

    private final int minLength;
    private final StringBuilder buffer = new StringBuilder();

    public SentenceSplitter(int minLength) {
        this.minLength = minLength;
    }

    public SentenceSplitter() {
        this(20);
    }

    /** Adds text; returns the sentences it completed (trimmed), possibly none. */
    public List<String> push(String text) {
        buffer.append(text);
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < buffer.length(); i++) {
            char c = buffer.charAt(i);
            boolean boundary = c == '\n'
                    || ((c == '.' || c == '!' || c == '?' || c == '…')
                            && i + 1 < buffer.length()
                            && Character.isWhitespace(buffer.charAt(i + 1))
                            && !(c == '.' && notAnEnd(start, i)));
            if (boundary) {
                String sentence = buffer.substring(start, i + 1).strip();
                if (sentence.length() >= minLength || (c == '\n' && !sentence.isEmpty())) {
                    sentences.add(sentence);
                    start = i + 1;
                }
            }
        }
        buffer.delete(0, start);
        return sentences;
    }

    /** Whatever is left (the end of the text), or "" if nothing; the splitter is then empty. */
    public String flush() {
        String rest = buffer.toString().strip();
        buffer.setLength(0);
        return rest;
    }

    /** A period after an abbreviation or a number does not end a sentence. */
    private boolean notAnEnd(int sentenceStart, int period) {
        int wordStart = period;
        while (wordStart > sentenceStart && !Character.isWhitespace(buffer.charAt(wordStart - 1))) {
            wordStart--;
        }
        String original = buffer.substring(wordStart, period);
        if (original.isEmpty()) {
            return false;
        }
        if (original.length() == 1 && Character.isUpperCase(original.charAt(0))) {
            return true; // an initial: "Dr. J. Miller", "z. B."
        }
        String word = original.toLowerCase(Locale.ROOT);
        if (word.chars().allMatch(ch -> Character.isDigit(ch) || ch == '.')) {
            return true;
        }
        return ABBREVIATIONS.contains(word);
    }
}
