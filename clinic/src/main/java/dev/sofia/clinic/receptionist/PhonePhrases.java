package dev.sofia.clinic.receptionist;

/**
 * What Sofia says on her own about the call itself, not the conversation: the emergency key, being
 * put through, the time limit, all lines busy. German, English or Russian (anything else: German).
 */
public final class PhonePhrases {

    private PhonePhrases() {}

    /** Added to the greeting on phone calls when there is a line to put an emergency through to. */
    public static String emergencyKeyPrompt(String language) {
        return switch (language) {
            case "en" -> "In an emergency, please press 1.";
            case "ru" -> "В экстренном случае нажмите, пожалуйста, 1.";
            default -> "Bei einem Notfall drücken Sie bitte die 1.";
        };
    }

    public static String connectingEmergencyLine(String language) {
        return switch (language) {
            case "en" -> "I'm connecting you to our emergency line right away.";
            case "ru" -> "Сейчас соединю вас с нашей экстренной линией.";
            default -> "Ich verbinde Sie sofort mit unserem Notfalltelefon.";
        };
    }

    public static String connectingTeam(String language) {
        return switch (language) {
            case "en" -> "I'm connecting you to the practice team right away.";
            case "ru" -> "Сейчас соединю вас с сотрудниками клиники.";
            default -> "Ich verbinde Sie sofort mit dem Praxisteam.";
        };
    }

    public static String transferFailed(String language) {
        return switch (language) {
            case "en" ->
                "I'm sorry, I could not put you through. For severe pain or an injury, please call the dental "
                        + "emergency service or 112.";
            case "ru" ->
                "К сожалению, соединить не получилось. При сильной боли или травме позвоните, пожалуйста, в "
                        + "дежурную стоматологическую службу или по номеру 112.";
            default ->
                "Leider konnte ich Sie nicht verbinden. Bei starken Schmerzen oder einer Verletzung rufen Sie "
                        + "bitte den zahnärztlichen Notdienst oder die 112 an.";
        };
    }

    /** Said when the call reaches the practice's longest call duration; the call then ends. */
    public static String timeUp(String language) {
        return switch (language) {
            case "en" -> "We have reached the time limit for this call. Please feel free to call again. Goodbye!";
            case "ru" -> "Время этого разговора истекло. Пожалуйста, перезвоните. До свидания!";
            default ->
                "Wir haben die Höchstdauer für dieses Gespräch erreicht. Rufen Sie gern noch einmal an. "
                        + "Auf Wiederhören!";
        };
    }

    /** Said instead of the greeting when the practice already has its most calls at once. */
    public static String busyConnectingTeam(String language) {
        return switch (language) {
            case "en" -> "All our lines are busy at the moment. I'm connecting you to the practice team.";
            case "ru" -> "Сейчас все линии заняты. Соединяю вас с сотрудниками клиники.";
            default -> "Im Moment sind alle Leitungen belegt. Ich verbinde Sie mit dem Praxisteam.";
        };
    }

    /** Like {@link #busyConnectingTeam}, when there is nobody to put the caller through to. */
    public static String busyCallAgain(String language) {
        return switch (language) {
            case "en" -> "All our lines are busy at the moment. Please call again in a few minutes. Goodbye!";
            case "ru" -> "Сейчас все линии заняты. Пожалуйста, перезвоните через несколько минут. До свидания!";
            default ->
                "Im Moment sind alle Leitungen belegt. Bitte rufen Sie in ein paar Minuten noch einmal an. "
                        + "Auf Wiederhören!";
        };
    }
}
