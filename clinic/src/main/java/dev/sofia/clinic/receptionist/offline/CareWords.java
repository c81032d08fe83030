package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.receptionist.offline.Intents.Intent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The keyword tables of {@link Intents} about health and safety: pain and accidents (the pain
 * consultation or the emergency line), danger (112), medical questions and prices (never
 * answered), treatments the practice does not book by phone, and attempts to change Sofia's
 * instructions. Same rules as there: keys with spaces around them are whole words.
 */
final class CareWords {

    static final Map<Intent, Set<String>> TABLE = new LinkedHashMap<>();

    static {
        TABLE.put(
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
                        "ausgeschlagen",
                        " knocked out ",
                        " rausgefallen ",
                        " herausgefallen ",
                        " akut ",
                        " urgent ",
                        " dringend "));
        TABLE.put(
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
        TABLE.put(
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
        TABLE.put(Intent.PRICES, Set.of(" preis", " kostet ", " kosten ", " price", " cost ", " how much "));
        TABLE.put(
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
        TABLE.put(
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

    private CareWords() {}
}
