package dev.sofia.clinic.receptionist.offline;

import java.util.regex.Pattern;

/**
 * Whether an utterance names a day. The appointment parser fills in today or tomorrow when only a
 * time is said ("actually make it the afternoon"); for a correction the dialog must know whether
 * the caller changed the day or only the time, so the day they chose before is kept.
 */
final class DayWords {

    private static final Pattern DAY = Pattern.compile(
            "(?iuU)\\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|heute|übermorgen|uebermorgen"
                    + "|morgen(?!s)|woche|wochenende|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today"
                    + "|tomorrow|week|weekend|januar|februar|märz|april|mai|juni|juli|august|september|oktober"
                    + "|november|dezember|january|february|march|may|june|july|october|december|tagen|days)\\b"
                    + "|\\b\\d{1,2}\\.(\\s|\\d|$)|\\b\\d{1,2}(st|nd|rd|th)\\b");

    private static final Pattern GREETING = Pattern.compile("(?iu)guten morgen");

    private DayWords() {}

    static boolean mentionsDay(String text) {
        return DAY.matcher(GREETING.matcher(text).replaceAll(" ")).find();
    }
}
