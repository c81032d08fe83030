package dev.sofia.clinic.receptionist.offline;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a caller asks for, from keyword tables in German and English. Several intents can be in one
 * utterance ("ich möchte meinen Termin absagen, tschüss"); the dialog decides which one leads.
 * Keys with spaces around them are whole words; keys without match inside words, so "schmerz"
 * finds "Zahnschmerzen".
 */
final class Intents {

    enum Intent {
        BOOK,
        RESCHEDULE,
        CANCEL,
        HOURS,
        ADDRESS,
        PARKING,
        PERSON,
        MESSAGE,
        GOODBYE,
        EMERGENCY,
        DANGER,
        MEDICAL,
        PRICES,
        UNSUPPORTED_TREATMENT,
        DIAL_NUMBER,
        INJECTION,
        /** "Ich kann morgen nicht", "I can't make it": with an appointment named, a wish to move it. */
        CANT_MAKE_IT,
        /** A question for the team ("eine Frage zu meinem Behandlungsplan"): a message or a person. */
        QUESTION,
        /** The caller says they are new ("ich bin neu", "I've never been to your practice"). */
        NEW_PATIENT,
        /** "So früh wie möglich", "as early as possible": the earliest slot, proposed alone. */
        EARLIEST
    }

    private static final Map<Intent, Set<String>> KEYWORDS = new LinkedHashMap<>();

    static {
        KEYWORDS.put(
                Intent.RESCHEDULE,
                Set.of(
                        "verschieb",
                        "verleg",
                        " umbuchen ",
                        "umlegen",
                        " move ",
                        " moving ",
                        "reschedul",
                        " change my appointment ",
                        " another time ",
                        " anderen termin ",
                        " einen anderen tag "));
        KEYWORDS.put(
                Intent.CANCEL,
                Set.of(
                        "absag",
                        " stornier",
                        " cancel",
                        " call off ",
                        " nicht wahrnehmen ",
                        " nicht kommen ",
                        " abmelden "));
        KEYWORDS.put(
                Intent.BOOK,
                Set.of(
                        " termin",
                        " appointment",
                        " buchen ",
                        " book ",
                        " vereinbaren ",
                        " kommen ",
                        " come in ",
                        " see the dentist ",
                        " see a dentist ",
                        "kontroll",
                        "untersuch",
                        "check",
                        "reinigung",
                        " pzr ",
                        "cleaning",
                        "füllung",
                        "fuellung",
                        "filling",
                        "beratung",
                        "consultation"));
        KEYWORDS.put(
                Intent.HOURS,
                Set.of(
                        "öffnungszeit",
                        "geöffnet",
                        " offen ",
                        " auf haben ",
                        " aufhaben ",
                        " opening ",
                        " open ",
                        " hours ",
                        " sprechzeit",
                        " wann haben sie ",
                        " closed ",
                        " geschlossen "));
        KEYWORDS.put(
                Intent.ADDRESS,
                Set.of(
                        " adresse ",
                        " anschrift ",
                        " wo sind sie ",
                        " wo finde ",
                        " address ",
                        " where are you ",
                        " where is the practice ",
                        " where is your practice ",
                        " where exactly ",
                        " how do i get to ",
                        " how do i find you ",
                        " wo ist die praxis ",
                        " wo ist ihre praxis ",
                        " wo liegt die praxis ",
                        " wo genau ",
                        " wie komme ich ",
                        " wie finde ich sie ",
                        " wegbeschreibung ",
                        " directions "));
        KEYWORDS.put(
                Intent.PARKING, Set.of(" parken ", "parkplatz", "parkplätze", " parking ", " park ", " parkhaus "));
        KEYWORDS.put(
                Intent.PERSON,
                Set.of(
                        " mit jemandem ",
                        " mit einem menschen ",
                        " mitarbeiter",
                        " rezeption",
                        " verbinde",
                        " durchstellen ",
                        " weiterleiten ",
                        " speak to someone ",
                        " talk to someone ",
                        " speak to a ",
                        " talk to a ",
                        " a person ",
                        " human ",
                        " real person ",
                        " staff ",
                        " transfer ",
                        " connect me ",
                        " put me through ",
                        " operator ",
                        " receptionist ",
                        " mit der praxis ",
                        " mit einer person ",
                        " sprechen ",
                        " echten menschen "));
        KEYWORDS.put(
                Intent.MESSAGE,
                Set.of(
                        "rückruf",
                        "zurückruf",
                        " nachricht ",
                        " callback ",
                        " call back ",
                        " call me back ",
                        " message ",
                        " ruft mich ",
                        " rufen sie mich "));
        KEYWORDS.put(
                Intent.GOODBYE,
                Set.of(
                        " tschüss ",
                        " tschüs ",
                        " auf wiedersehen ",
                        " auf wiederhören ",
                        " das war's ",
                        " das wars ",
                        " das war alles ",
                        " nichts weiter ",
                        " bye ",
                        " goodbye ",
                        " that's all ",
                        " that's it ",
                        " nothing else ",
                        " ciao ",
                        " schönen tag "));
    }

    static {
        KEYWORDS.putAll(CareWords.TABLE);
        KEYWORDS.put(
                Intent.QUESTION,
                Set.of(
                        " eine frage ",
                        " frage zu",
                        " frage zum ",
                        " frage zur ",
                        " a question ",
                        " question about ",
                        " questions about "));
        KEYWORDS.put(
                Intent.NEW_PATIENT,
                Set.of(
                        " ich bin neu ",
                        " bin neu bei ",
                        " neuer patient ",
                        " neue patientin ",
                        " zum ersten mal ",
                        " das erste mal ",
                        " noch nie bei ihnen ",
                        " i'm new ",
                        " i am new ",
                        " new patient ",
                        " never been ",
                        " first time "));
        KEYWORDS.put(
                Intent.EARLIEST,
                Set.of(
                        " so früh wie möglich ",
                        " möglichst früh ",
                        " frühestmöglich",
                        " so bald wie möglich ",
                        " möglichst bald ",
                        " nächsten freien ",
                        " as early as possible ",
                        " as soon as possible ",
                        " earliest ",
                        " first available ",
                        " next available "));
    }

    /** "ich kann morgen nicht", "schaffe es nicht", "I can't make it", "won't be able to come". */
    private static final Pattern CANT_MAKE_IT =
            Pattern.compile("\\b(?:kann|könnte|schaffe|schaff)\\b(?:\\s+\\S+){0,3}?\\s+nicht\\b"
                    + "|\\b(?:can't|cannot|can not|won't|will not)\\s+(?:make|come|attend|be there)\\b"
                    + "|\\bnot be able to (?:make|come)\\b");

    /** A phone number the caller dictates: "+1 900 555 0100", "0171 1234567". */
    private static final Pattern PHONE = Pattern.compile("(\\+|00)?\\d[\\d ()/-]{6,}\\d");

    private Intents() {}

    static Set<Intent> detect(String text) {
        String n = Words.normalize(text);
        EnumSet<Intent> found = EnumSet.noneOf(Intent.class);
        KEYWORDS.forEach((intent, keys) -> {
            if (Words.any(n, keys)) {
                found.add(intent);
            }
        });
        if (CANT_MAKE_IT.matcher(n).find()) {
            found.add(Intent.CANT_MAKE_IT);
        }
        if (found.contains(Intent.PERSON) && PHONE.matcher(text).find()) {
            found.add(Intent.DIAL_NUMBER);
        }
        // "verbinden" in "einen Termin verbinden" is rare; "sprechen" alone ("ich möchte einen Termin
        // besprechen") is not a wish for a person
        if (found.contains(Intent.PERSON) && n.contains(" sprechen ") && !n.contains(" mit ")) {
            found.remove(Intent.PERSON);
        }
        return found;
    }

    /** The phone number in the text, digits and a leading plus only, or null. */
    static @Nullable String phoneNumber(String text) {
        var m = PHONE.matcher(text);
        return m.find() ? m.group().replaceAll("[^+\\d]", "") : null;
    }
}
