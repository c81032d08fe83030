package dev.sofia.agents.voice;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the caller's words so far sound finished. Without a turn-detection model this is a
 * cheap heuristic over the transcript: a trailing comma, dash or conjunction ("und", "aber",
 * "and", "but", "и", "но"…) or a filler ("ähm", "uh") means the caller is likely to go on, so the
 * session waits the longer endpointing delay.
 */
final class Endpointing {

    private static final Set<String> CONTINUATIONS = Set.of(
            "und", "aber", "oder", "weil", "dass", "wenn", "also", "sondern", "denn", "ähm", "äh", "hm", "and", "but",
            "or", "because", "so", "that", "if", "uh", "um", "the", "a", "to", "и", "но", "или", "потому", "что",
            "если", "а", "э", "ну");

    private static final Pattern TRAILING = Pattern.compile("[,;:\\-–—]\\s*$");

    private Endpointing() {}

    static boolean soundsUnfinished(String transcript) {
        String text = transcript.strip();
        if (text.isEmpty()) {
            return false;
        }
        if (TRAILING.matcher(text).find()) {
            return true;
        }
        String[] words = text.toLowerCase(Locale.ROOT).split("\\s+");
        String last = words[words.length - 1].replaceAll("[^\\p{L}]", "");
        return CONTINUATIONS.contains(last);
    }

    /** Words in a transcript, for the interruption's word minimum. */
    static int words(String text) {
        String stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }
}
