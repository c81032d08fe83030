package dev.sofia.clinic.receptionist.offline;

import java.util.Optional;
import java.util.Set;

/**
 * Which language an utterance is in, from frequent little words: callers switch language mid-call
 * and the offline engine answers in the one they spoke last. Names and numbers say nothing, so
 * an utterance without clear words keeps the current language (empty result). Cyrillic is Russian,
 * which the offline engine does not speak beyond offering a message or a transfer.
 */
final class Languages {

    private static final Set<String> GERMAN = Set.of(
            " ich ",
            " und ",
            " bitte ",
            " ja ",
            " nein ",
            " einen ",
            " eine ",
            " termin",
            " möchte ",
            " nicht ",
            " ist ",
            " der ",
            " die ",
            " das ",
            " am ",
            " um ",
            " uhr ",
            " mit ",
            " für ",
            " guten ",
            " tag ",
            " danke ",
            " gerne ",
            " gern ",
            " genau ",
            " wann ",
            " haben ",
            " sie ",
            " mein ",
            " meine ",
            " nächste",
            " morgen ",
            " heute ",
            " geboren ",
            " übermorgen ",
            " lieber ",
            " wie ",
            " hallo ",
            " vormittag",
            " nachmittag",
            " woche ",
            " den ",
            " dem ",
            " zu ",
            " auf ",
            " wiedersehen ",
            " tschüss ",
            " hätte ",
            " würde ",
            " kann ",
            " können ",
            " absagen ",
            " verschieben ",
            " öffnungszeiten ",
            " bin ",
            " neu ",
            " richtig ",
            " passt ",
            " schmerzen ",
            " zahnschmerzen ",
            " habe ",
            " stimmt ");

    private static final Set<String> ENGLISH = Set.of(
            " i ",
            " i'm ",
            " the ",
            " an ",
            " and ",
            " please ",
            " yes ",
            " no ",
            " appointment",
            " would ",
            " like ",
            " to ",
            " my ",
            " is ",
            " at ",
            " on ",
            " with ",
            " for ",
            " hello ",
            " thanks ",
            " thank ",
            " you ",
            " want ",
            " can ",
            " tomorrow ",
            " today ",
            " next ",
            " morning ",
            " afternoon ",
            " born ",
            " name ",
            " it ",
            " make ",
            " actually ",
            " one ",
            " week ",
            " what ",
            " when ",
            " cancel ",
            " reschedule ",
            " opening ",
            " hours ",
            " bye ",
            " goodbye ",
            " correct ",
            " that ",
            " am ",
            " pm ",
            " yeah ",
            " new ",
            " of ",
            " in ",
            " are ",
            " have ",
            " need ",
            " some ",
            " someone ",
            " speak ");

    private Languages() {}

    /** "ru" for Cyrillic; "de" or "en" when the words say so clearly; empty when they do not. */
    static Optional<String> detect(String text) {
        if (text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC)) {
            return Optional.of("ru");
        }
        String n = Words.normalize(text);
        int de = Words.count(n, GERMAN) + (n.matches(".*[äöüß].*") ? 1 : 0);
        int en = Words.count(n, ENGLISH);
        // "am" is both a German preposition and the English "am": it tips nothing on its own
        if (n.contains(" am ")) {
            de--;
            en--;
        }
        if (de > en && de > 0) {
            return Optional.of("de");
        }
        if (en > de && en > 0) {
            return Optional.of("en");
        }
        return Optional.empty();
    }
}
