package dev.sofia.agents.voice;

import java.util.Locale;

/**
 * What the session says on its own, without the model: when it did not understand, when it is in
 * trouble, when a tool takes a while, when the caller went quiet, and when it gives up. German,
 * English and Russian defaults ({@link #forLanguage}); an agent may bring its own.
 */
public record SessionPhrases(
        String pleaseRepeat,
        String technicalTrouble,
        String oneMoment,
        String stillThere,
        String goodbyeAway,
        String goodbyeErrors) {

    public static final SessionPhrases GERMAN = new SessionPhrases(
            "Entschuldigung, das habe ich nicht verstanden. Könnten Sie das bitte wiederholen?",
            "Es tut mir leid, ich habe gerade technische Schwierigkeiten. Ich kann Sie mit dem Praxisteam "
                    + "verbinden oder eine Nachricht aufnehmen.",
            "Einen Moment bitte.",
            "Sind Sie noch da?",
            "Ich beende das Gespräch jetzt. Rufen Sie gern wieder an. Auf Wiederhören!",
            "Es tut mir leid, ich kann Ihnen gerade nicht weiterhelfen. Bitte rufen Sie später noch einmal an. "
                    + "Auf Wiederhören!");

    public static final SessionPhrases ENGLISH = new SessionPhrases(
            "Sorry, I didn't catch that. Could you say it again?",
            "I'm sorry, I'm having technical difficulties. I can put you through to the practice team or take a "
                    + "message.",
            "One moment, please.",
            "Are you still there?",
            "I'll end the call now. Feel free to call again. Goodbye!",
            "I'm sorry, I can't help you right now. Please call again later. Goodbye!");

    public static final SessionPhrases RUSSIAN = new SessionPhrases(
            "Извините, я не расслышала. Повторите, пожалуйста.",
            "Извините, у меня технические неполадки. Я могу соединить вас с сотрудниками клиники или принять "
                    + "сообщение.",
            "Одну минуту, пожалуйста.",
            "Вы ещё на линии?",
            "Я завершаю разговор. Звоните ещё. До свидания!",
            "Извините, сейчас я не могу вам помочь. Пожалуйста, перезвоните позже. До свидания!");

    /** The defaults for a BCP 47 language (de, en, ru; German otherwise). */
    public static SessionPhrases forLanguage(String language) {
        return switch (language.toLowerCase(Locale.ROOT).split("[-_]")[0]) {
            case "en" -> ENGLISH;
            case "ru" -> RUSSIAN;
            default -> GERMAN;
        };
    }
}
