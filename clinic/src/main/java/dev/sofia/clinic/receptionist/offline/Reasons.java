package dev.sofia.clinic.receptionist.offline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The few words the team reads on a message or a transfer ("Frage zur Rechnung", "abgebrochener
 * Zahn, Blutung, Schmerzen"), in German like every summary for staff, whatever language the caller
 * spoke. They are composed from fixed phrases for what the engine recognised — never the caller's
 * sentence, so no dictated phone number, date of birth or stray health detail ends up in a reason.
 */
final class Reasons {

    /** An emergency's complaints, in the order the team wants to read them. */
    private static final Map<String, Set<String>> COMPLAINTS = ordered(
            "ausgeschlagener Zahn",
            Set.of("ausgeschlagen", "knocked out", "knocked-out", "rausgefallen", "herausgefallen", "выбил"),
            "abgebrochener Zahn",
            Set.of("abgebrochen", " broken ", " broke ", "chipped", " сломал"),
            "Blutung",
            Set.of(" blut", "bleed", "кров"),
            "Schwellung",
            Set.of("geschwollen", "schwellung", "swollen", "swelling", "опух", "отёк", "отек"),
            "Schmerzen",
            Set.of("schmerz", " weh ", " pain", " ache", "toothache", "hurts", "бол"),
            "Unfall",
            Set.of(" unfall", "accident", " fell ", "gestürzt", "hingefallen", "упал"),
            "betrifft ein Kind",
            Set.of(" my son ", " my daughter ", " child ", " kid ", " sohn ", " tochter ", " kind ", "ребён", "ребен"));

    /** What a question or a message is about. */
    private static final Map<String, Set<String>> TOPICS = ordered(
            "Frage zur Rechnung",
            Set.of("rechnung", " bill ", " billing ", "invoice", "счёт", "счет", "оплат"),
            "Frage zum Behandlungsplan",
            Set.of("behandlungsplan", "treatment plan", "kostenplan", "heil und", "план лечения"),
            "Frage zum Röntgenbild",
            Set.of("röntgen", "x-ray", "x ray", "xray", "снимк", "снимок", "рентген"),
            "Frage zum Befund",
            Set.of("befund", " results ", "результат"),
            "Frage zu einem Rezept",
            Set.of("rezept", "prescription", "рецепт"),
            "Frage zur Versicherung",
            Set.of("versicherung", "insurance", "страхов"),
            "Frage zu Implantaten",
            Set.of("implant", "имплант"),
            "Frage zu Bleaching",
            Set.of("bleaching", "whitening", "отбел"),
            "Frage zu Kronen oder Brücken",
            Set.of(" krone", " crown", " brücke", " bridge", "корон"),
            "Frage zu einer Wurzelbehandlung",
            Set.of("wurzelbehandlung", "root canal", "канал"),
            "Frage zu Zahnspangen",
            Set.of("zahnspange", " braces ", "aligner", "брекет"),
            "Frage zu Veneers",
            Set.of("veneer"),
            "Frage zu Zahnersatz",
            Set.of("prothese", "denture", "протез"),
            "Frage zur Zahnentfernung",
            Set.of("weisheitszahn", "wisdom tooth", " ziehen ", "extraction", " extract ", "удал"),
            "Frage zur Narkose",
            Set.of("narkose", "sedation", "наркоз"),
            "möchte einen Termin absagen",
            Set.of("absag", "stornier", " cancel", "отмен"),
            "möchte einen Termin verschieben",
            Set.of("verschieb", "verleg", "reschedul", " move ", "перенес", "перенест"),
            "Terminwunsch",
            Set.of(" termin", "appointment", " book", "запис", "приём", "прием", "осмотр"));

    private Reasons() {}

    /**
     * @param topic the caller's words the request started with, if any
     * @param doctor the doctor they asked for ("Dr. Weber"), if any
     */
    static String of(
            @Nullable String topic,
            boolean emergency,
            boolean person,
            boolean medical,
            @Nullable String doctor,
            boolean russian) {
        String n = topic == null ? " " : Words.normalize(topic);
        String reason;
        List<String> complaints = emergency ? all(n, COMPLAINTS) : List.of();
        if (!complaints.isEmpty()) {
            reason = String.join(", ", complaints);
        } else if (emergency) {
            reason = "Notfall";
        } else if (doctor != null) {
            reason = "möchte " + doctor + " sprechen";
        } else if (medical) {
            reason = "medizinische Frage";
        } else {
            List<String> topics = all(n, TOPICS);
            reason = !topics.isEmpty()
                    ? topics.getFirst()
                    : person ? "möchte mit dem Praxisteam sprechen" : "Bitte um Rückruf";
        }
        return russian ? reason + " (Anruf auf Russisch)" : reason;
    }

    private static List<String> all(String normalized, Map<String, Set<String>> table) {
        List<String> found = new ArrayList<>();
        table.forEach((phrase, keys) -> {
            if (Words.any(normalized, keys)) {
                found.add(phrase);
            }
        });
        return found;
    }

    private static Map<String, Set<String>> ordered(Object... phrasesAndKeys) {
        Map<String, Set<String>> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < phrasesAndKeys.length; i += 2) {
            @SuppressWarnings("unchecked")
            Set<String> keys = (Set<String>) phrasesAndKeys[i + 1];
            map.put((String) phrasesAndKeys[i], keys);
        }
        return map;
    }
}
