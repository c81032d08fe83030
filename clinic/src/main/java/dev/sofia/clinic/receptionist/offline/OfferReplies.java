package dev.sofia.clinic.receptionist.offline;

import static dev.sofia.clinic.receptionist.offline.Replies.joinOr;
import static dev.sofia.clinic.receptionist.offline.Replies.pick;

import dev.sofia.clinic.receptionist.offline.DialogState.Offer;
import dev.sofia.clinic.receptionist.tools.Spoken;
import java.util.ArrayList;
import java.util.List;

/**
 * What Sofia says about free slots: the list of offers, a single proposal (which a plain yes takes),
 * the question which of two when a yes did not say, and the read-backs. Times and dates are the
 * tools' spoken texts, so Sofia never says a time the calendar did not return.
 */
final class OfferReplies {

    private OfferReplies() {}

    /** "Ich hätte Dienstag, 24. November, um 9:30 Uhr bei Dr. Anna Weber oder um 10:00 Uhr bei …". */
    static String offers(String l, List<Offer> offers, boolean move) {
        String all = joinOr(parts(l, offers), l);
        return move
                ? pick(
                        l,
                        "Ich hätte " + all + ". Auf welchen davon soll ich Ihren Termin verschieben?",
                        "I have " + all + ". Which one shall I move your appointment to?")
                : pick(
                        l,
                        "Ich hätte " + all + ". Welcher Termin passt Ihnen?",
                        "I have " + all + ". Which one would suit you?");
    }

    /** One slot proposed alone: a plain yes takes it (for a move, it is the go-ahead to move). */
    static String proposal(String l, Offer offer, boolean earliest, boolean move) {
        String slot = parts(l, List.of(offer)).getFirst();
        String what = earliest
                ? pick(l, "Der nächste freie Termin wäre " + slot + ".", "The next free appointment is " + slot + ".")
                : pick(l, "Ich hätte " + slot + " frei.", "I have " + slot + " free.");
        return what
                + (move
                        ? pick(
                                l,
                                " Soll ich Ihren Termin dorthin verschieben?",
                                " Shall I move your appointment there?")
                        : pick(l, " Passt Ihnen das?", " Would that suit you?"));
    }

    /** After a plain yes to several offers: "Welchen davon — … oder …?" (asked once). */
    static String whichOfThem(String l, List<Offer> two) {
        String both = joinOr(parts(l, two), l);
        return pick(l, "Welchen davon — " + both + "?", "Which of them — " + both + "?");
    }

    private static List<String> parts(String l, List<Offer> offers) {
        List<String> parts = new ArrayList<>();
        Offer previous = null;
        for (Offer o : offers) {
            String when = previous != null && previous.date().equals(o.date())
                    ? pick(l, "um ", "at ") + Spoken.time(o.time(), l)
                    : o.spoken();
            parts.add(when + pick(l, " bei ", " with ") + o.doctor());
            previous = o;
        }
        return parts;
    }

    static String readBack(String l, String readBack) {
        return pick(
                l,
                "Ich habe für Sie vorgemerkt: " + readBack + ". Soll ich den Termin so buchen?",
                "I have held this for you: " + readBack + ". Shall I book it?");
    }

    static String emergencyReadBack(String l, String readBack) {
        return pick(
                l,
                "Der früheste freie Termin ist: " + readBack + ". Soll ich ihn für Sie buchen?",
                "The earliest free appointment is: " + readBack + ". Shall I book it for you?");
    }
}
