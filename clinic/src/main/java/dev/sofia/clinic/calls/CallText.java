package dev.sofia.clinic.calls;

import org.jspecify.annotations.Nullable;

/**
 * Text from callers and from the language model on its way into the database: trimmed, without NUL
 * characters (PostgreSQL text cannot hold them), and blank turned into null.
 */
final class CallText {

    private CallText() {}

    /** The cleaned text, or null if nothing is left. */
    static @Nullable String clean(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replace("\u0000", "").strip();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /**
     * The cleaned text cut to at most {@code max} characters (never between the two halves of a
     * surrogate pair), or null if nothing is left. For text a machine writes, where a rejection
     * would lose the whole record over its length.
     */
    static @Nullable String capped(@Nullable String text, int max) {
        String cleaned = clean(text);
        if (cleaned == null || cleaned.length() <= max) {
            return cleaned;
        }
        int end = Character.isHighSurrogate(cleaned.charAt(max - 1)) ? max - 1 : max;
        return cleaned.substring(0, end).strip();
    }
}
