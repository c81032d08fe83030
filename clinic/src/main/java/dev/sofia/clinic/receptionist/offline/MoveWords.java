package dev.sofia.clinic.receptionist.offline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request to move an appointment names two times: which appointment ("den am Mittwoch", "my
 * Wednesday appointment") and where to ("auf Donnerstag um zehn", "to Tuesday the 1st"). Read as
 * one, they would make one range over both days, so the words are split at the marker of the new
 * time — German "auf", English "to"/"onto" — when a day or a time follows it ("to move" is no
 * marker). Without a marker, both parts are the whole text and the dialog decides by context.
 */
record MoveWords(String which, String newTime, boolean marked) {

    private static final Pattern MARKER = Pattern.compile("(?iu)\\b(?:auf|to|onto)\\s+");

    /** What must follow a marker for it to mark a time: a day, a number, or a word of time. */
    private static final Pattern TIME_START = Pattern.compile(
            "(?iu)^(?:den |dem |the |a |nächst|naechst|next |kommend|coming |übernächst|anfang|mitte|ende"
                    + "|early|late|halb |viertel |\\d|vormittag|nachmittag|abend|früh|morning|afternoon|evening"
                    + "|noon|mittag)");

    static MoveWords split(String text) {
        Matcher m = MARKER.matcher(text);
        int at = -1;
        while (m.find()) {
            String after = text.substring(m.end());
            String head = after.length() > 30 ? after.substring(0, 30) : after;
            if (TIME_START.matcher(after).find() || DayWords.mentionsDay(firstWords(head, 2))) {
                at = m.start();
            }
        }
        if (at < 0) {
            return new MoveWords(text, text, false);
        }
        return new MoveWords(text.substring(0, at), text.substring(at), true);
    }

    private static String firstWords(String text, int count) {
        String[] words = text.strip().split("\\s+");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(count, words.length); i++) {
            out.append(words[i]).append(' ');
        }
        return out.toString();
    }
}
