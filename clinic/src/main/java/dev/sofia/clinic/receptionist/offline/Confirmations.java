package dev.sofia.clinic.receptionist.offline;

import java.util.Set;

/**
 * Yes or no to a question Sofia asked (a read-back, "are you new?", "shall I cancel?"). A no wins
 * over a yes ("ja, nein, lieber Donnerstag" is a correction), and a correction marker ("lieber",
 * "actually", "instead") counts as no: the caller wants something else than what was read back.
 */
final class Confirmations {

    enum YesNo {
        YES,
        NO,
        NONE
    }

    private static final Set<String> YES = Set.of(
            " ja ",
            " jawohl ",
            " genau ",
            " richtig ",
            " korrekt ",
            " stimmt ",
            " passt ",
            " gerne ",
            " gern ",
            " einverstanden ",
            " ok ",
            " okay ",
            " buchen sie ",
            " bitte buchen ",
            " machen sie ",
            " perfekt ",
            " super ",
            " prima ",
            " in ordnung ",
            " yes ",
            " yeah ",
            " yep ",
            " correct ",
            " sure ",
            " right ",
            " that's fine ",
            " fine ",
            " perfect ",
            " great ",
            " please do ",
            " go ahead ",
            " book it ",
            " absolutely ",
            " sounds good ",
            " good ",
            " gut ",
            " klar ");

    private static final Set<String> NO = Set.of(
            " nein ",
            " nee ",
            " nö ",
            " nicht ",
            " lieber ",
            " doch nicht ",
            " stattdessen ",
            " anders ",
            " no ",
            " nope ",
            " not ",
            " don't ",
            " actually ",
            " rather ",
            " instead ",
            " нет ",
            " falsch ",
            " wrong ",
            " passt mir nicht ",
            " geht nicht ",
            " kann ich nicht ",
            " can't ",
            " cannot ");

    private Confirmations() {}

    static YesNo of(String text) {
        String n = Words.normalize(text);
        if (Words.any(n, NO)) {
            return YesNo.NO;
        }
        if (Words.any(n, YES)) {
            return YesNo.YES;
        }
        return YesNo.NONE;
    }
}
