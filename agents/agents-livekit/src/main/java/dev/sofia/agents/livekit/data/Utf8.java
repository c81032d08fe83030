package dev.sofia.agents.livekit.data;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** UTF-8 splitting and truncation that never cut a multi-byte character. */
final class Utf8 {

    private Utf8() {}

    /**
     * Splits the UTF-8 encoding of {@code text} into pieces of at most {@code maxBytes} bytes, each
     * a whole number of characters (so each piece decodes on its own).
     */
    static List<byte[]> split(String text, int maxBytes) {
        if (maxBytes < 4) {
            throw new IllegalArgumentException("maxBytes must be at least 4, the longest UTF-8 character");
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        List<byte[]> pieces = new ArrayList<>(bytes.length / maxBytes + 1);
        int start = 0;
        while (bytes.length - start > maxBytes) {
            int end = boundaryAtOrBefore(bytes, start + maxBytes);
            pieces.add(Arrays.copyOfRange(bytes, start, end));
            start = end;
        }
        if (start < bytes.length) {
            pieces.add(Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return pieces;
    }

    /** The longest prefix of {@code text} whose UTF-8 encoding has at most {@code maxBytes} bytes. */
    static String truncate(String text, int maxBytes) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return text;
        }
        return new String(bytes, 0, boundaryAtOrBefore(bytes, maxBytes), StandardCharsets.UTF_8);
    }

    static int length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The largest index {@code <= index} that starts a character (is not a continuation byte). */
    private static int boundaryAtOrBefore(byte[] bytes, int index) {
        int k = index;
        while (k > 0 && k < bytes.length && (bytes[k] & 0xC0) == 0x80) {
            k--;
        }
        return k;
    }
}
