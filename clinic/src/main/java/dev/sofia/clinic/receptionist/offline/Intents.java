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
        INJECTION
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
        KEYWORDS.put(
                Intent.EMERGENCY,
                Set.of(
                        "schmerz",
                        " weh ",
                        " tut weh ",
                        " pain",
                        " ache",
                        "toothache",
                        "geschwollen",
                        "schwellung",
                        " swelling ",
                        " swollen ",
                        " blut",
                        " bleeding ",
                        " bleed",
                        " unfall ",
                        " accident ",
                        "abgebrochen",
                        " broken ",
                        " broke ",
                        " notfall ",
                        " emergency ",
                        " akut ",
                        " urgent ",
                        " dringend "));
        KEYWORDS.put(
                Intent.DANGER,
                Set.of(
                        " atemnot ",
                        " atmen ",
                        " luft bekomme ",
                        " schlucken ",
                        " bis zum auge ",
                        " am hals ",
                        " breathing ",
                        " breathe ",
                        " swallow",
                        " to my eye ",
                        " my neck ",
                        " bewusstlos ",
                        " unconscious "));
        KEYWORDS.put(
                Intent.MEDICAL,
                Set.of(
                        " ibuprofen ",
                        " paracetamol ",
                        " aspirin ",
                        " antibiotik",
                        " antibiotic",
                        " medikament",
                        " tablette",
                        " medication ",
                        " medicine ",
                        " painkiller",
                        " schmerzmittel",
                        " schwanger ",
                        " pregnant ",
                        " should i take ",
                        " is it normal ",
                        " ist das normal ",
                        " diagnose",
                        " gefährlich ",
                        " dangerous ",
                        " kühlen ",
                        " was kann ich tun ",
                        " what can i do "));
        KEYWORDS.put(Intent.PRICES, Set.of(" preis", " kostet ", " kosten ", " price", " cost ", " how much "));
        KEYWORDS.put(
                Intent.UNSUPPORTED_TREATMENT,
                Set.of(
                        "bleaching",
                        "implantat",
                        "implant",
                        " krone ",
                        " crown ",
                        " brücke ",
                        " bridge ",
                        "wurzelbehandlung",
                        " root canal ",
                        "zahnspange",
                        " braces ",
                        " veneer",
                        "prothese",
                        " denture",
                        "weisheitszahn",
                        " wisdom tooth ",
                        " ziehen ",
                        " extraction ",
                        " extract ",
                        " aligner",
                        " röntgen ",
                        " x ray ",
                        " narkose ",
                        " sedation "));
        KEYWORDS.put(
                Intent.INJECTION,
                Set.of(
                        " ignore ",
                        " ignoriere",
                        " vergiss ",
                        " instructions ",
                        " anweisungen ",
                        " system prompt ",
                        " jailbreak ",
                        " pretend ",
                        " du bist jetzt ",
                        " you are now ",
                        " developer mode "));
    }

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
