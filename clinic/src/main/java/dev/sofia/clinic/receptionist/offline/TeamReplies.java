package dev.sofia.clinic.receptionist.offline;

import static dev.sofia.clinic.receptionist.offline.Replies.pick;

/**
 * What Sofia says when the practice team takes over: putting the caller through, a handover or a
 * call-back, and — for Russian, which the offline engine does not speak beyond this — the offer of
 * the team's call-back or the emergency line. Kept apart from {@link Replies} because these are
 * the only sentences with a Russian version.
 */
final class TeamReplies {

    private TeamReplies() {}

    static String transferring(String l, boolean emergency) {
        if (l.equals("ru")) {
            return "Соединяю вас с сотрудниками клиники.";
        }
        return emergency
                ? pick(
                        l,
                        "Ich verbinde Sie mit unserem Notfalltelefon.",
                        "I am putting you through to our emergency line.")
                : pick(l, "Ich verbinde Sie mit dem Praxisteam.", "I am putting you through to the practice team.");
    }

    static String handedOver(String l) {
        if (l.equals("ru")) {
            return "Сотрудники клиники получили ваш запрос и свяжутся с вами.";
        }
        return pick(
                l,
                "Das Praxisteam ist informiert und meldet sich bei Ihnen.",
                "The practice team has been told and will get back to you.");
    }

    static String failedTransfer(String l) {
        if (l.equals("ru")) {
            return "Сейчас я, к сожалению, не могу вас соединить.";
        }
        return pick(
                l, "Ich kann Sie gerade leider nicht verbinden.", "I cannot put you through right now, I am afraid.");
    }

    static String messageOffer(String l) {
        if (l.equals("ru")) {
            return "Передать ваш запрос сотрудникам клиники, чтобы они вам перезвонили?";
        }
        return pick(l, "Soll das Praxisteam Sie zurückrufen?", "Shall the practice team call you back?");
    }

    /** Russian: offline Sofia cannot serve the request herself, so she offers the team's call-back. */
    static String russianMessageOffer() {
        return "Извините, без связи с сервером я говорю только по-немецки и по-английски. Передать ваш запрос "
                + "сотрудникам клиники, чтобы они вам перезвонили?";
    }

    /** Russian, in pain: the emergency line first. */
    static String russianEmergencyOffer() {
        return "Извините, без связи с сервером я говорю только по-немецки и по-английски. Соединить вас с "
                + "экстренной линией клиники?";
    }

    static String askCallbackNumber(String l) {
        if (l.equals("ru")) {
            return "По какому номеру вам перезвонить?";
        }
        return pick(l, "Unter welcher Nummer können wir Sie zurückrufen?", "Which number can we call you back on?");
    }

    static String messageTaken(String l) {
        if (l.equals("ru")) {
            return "Я передала ваше сообщение, сотрудники клиники вам перезвонят. До свидания!";
        }
        return pick(
                l,
                "Ich habe Ihre Nachricht notiert, das Praxisteam ruft Sie zurück.",
                "I have taken your message; the practice team will call you back.");
    }
}
