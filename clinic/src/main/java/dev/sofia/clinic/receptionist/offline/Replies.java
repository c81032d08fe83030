package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.receptionist.offline.DialogState.Listed;
import java.util.List;

/**
 * Everything the offline engine says, per language: short sentences for the ear, one question at a
 * time, German with the formal "Sie". Dates, times and read-backs come from the tools' spoken texts
 * so Sofia never says a time the calendar did not return. Russian is spoken only to say that the
 * offline engine speaks German and English, and to offer a message or a transfer.
 */
final class Replies {

    private Replies() {}

    static String pick(String language, String de, String en) {
        return language.equals("en") ? en : de;
    }

    static String howCanIHelp(String l) {
        return pick(l, "Wie kann ich Ihnen helfen?", "How can I help you?");
    }

    static String anythingElse(String l) {
        return pick(l, "Kann ich sonst noch etwas für Sie tun?", "Is there anything else I can do for you?");
    }

    static String notUnderstood(String l) {
        return pick(l, "Entschuldigung, das habe ich nicht verstanden.", "Sorry, I did not understand that.");
    }

    static String helpOffer(String l) {
        if (l.equals("ru")) {
            return "Извините, без связи с сервером я говорю только по-немецки и по-английски. Я могу передать "
                    + "сообщение сотрудникам клиники или соединить вас с ними. Что вы предпочитаете?";
        }
        return pick(
                l,
                "Soll ich Sie mit dem Praxisteam verbinden, oder möchten Sie eine Nachricht für einen Rückruf "
                        + "hinterlassen?",
                "Shall I put you through to the practice team, or would you like to leave a message for a call-back?");
    }

    static String cannotHelp(String l) {
        return pick(l, "Dabei kann ich Ihnen leider nicht helfen.", "I am afraid I cannot help you with that.");
    }

    static String askIdentity(String l) {
        return pick(
                l,
                "Dafür brauche ich bitte Ihren Nachnamen und Ihr Geburtsdatum.",
                "For that I need your last name and your date of birth, please.");
    }

    static String askBirthDate(String l) {
        return pick(l, "Und wie ist Ihr Geburtsdatum?", "And what is your date of birth?");
    }

    static String askLastName(String l) {
        return pick(l, "Wie ist bitte Ihr Nachname?", "What is your last name, please?");
    }

    static String askFirstName(String l) {
        return pick(l, "Wie ist bitte Ihr Vorname?", "What is your first name, please?");
    }

    static String phonePatient(String l, String name) {
        return pick(l, "Spreche ich mit " + name + "?", "Am I speaking with " + name + "?");
    }

    static String found(String l) {
        return pick(l, "Vielen Dank, ich habe Sie gefunden.", "Thank you, I have found you.");
    }

    static String notFound(String l) {
        return pick(
                l,
                "Unter diesem Namen und Geburtsdatum finde ich Sie leider nicht.",
                "I could not find you under that name and date of birth.");
    }

    static String askNew(String l) {
        return pick(l, "Sind Sie neu bei uns?", "Are you a new patient?");
    }

    static String askPhone(String l) {
        return pick(
                l,
                "Ich lege Sie gern neu bei uns an. Unter welcher Telefonnummer erreichen wir Sie?",
                "I will gladly register you. Which phone number can we reach you on?");
    }

    /** For a treatment Sofia cannot book: the alternative, or a call-back. */
    static String alternativeFor(String l, String alternative) {
        return pick(
                l,
                "Diese Behandlung kann ich leider nicht selbst buchen. Ich kann Ihnen stattdessen einen Termin "
                        + "anbieten, um das zu besprechen: " + alternative + ". Möchten Sie das, oder soll das "
                        + "Praxisteam Sie zurückrufen?",
                "I cannot book that treatment myself, I am afraid. Instead I can offer you an appointment to discuss "
                        + "it: " + lower(alternative)
                        + ". Would you like that, or shall the practice team call you back?");
    }

    static String onlyForKnownPatients(String l, String treatment, String firstVisit) {
        return pick(
                l,
                "Den Termin " + treatment + " kann ich für neue Patienten leider nicht buchen; der erste Termin bei "
                        + "uns ist " + firstVisit + ". Soll ich Ihnen dafür den nächsten freien Termin suchen?",
                "I cannot book a " + lower(treatment) + " for new patients, I am afraid; the first visit is a "
                        + lower(firstVisit) + ". Shall I look for the next free one?");
    }

    private static String lower(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    static String whenInstead(String l) {
        return pick(l, "Wann würde es Ihnen stattdessen passen?", "When would suit you instead?");
    }

    static String oneMoment(String l) {
        return pick(l, "Einen Moment bitte.", "One moment, please.");
    }

    static String identityAgain(String l) {
        return pick(
                l,
                "Bitte nennen Sie mir Ihren Nachnamen und Ihr Geburtsdatum noch einmal.",
                "Please tell me your last name and date of birth once more.");
    }

    static String registered(String l) {
        return pick(l, "Danke, ich habe Sie als neuen Patienten angelegt.", "Thank you, I have registered you.");
    }

    static String askTreatment(String l, List<String> names) {
        String joined = joinOr(names, l);
        return pick(l, "Worum geht es, zum Beispiel " + joined + "?", "What is it for, for example " + joined + "?");
    }

    static String askWhen(String l) {
        return pick(l, "Wann würde es Ihnen passen?", "When would suit you?");
    }

    static String moveWhen(String l, Listed a) {
        return pick(
                l,
                "Ihr Termin ist am " + a.spoken() + " bei " + a.doctor() + ". Auf wann möchten Sie ihn verschieben?",
                "Your appointment is on " + a.spoken() + " with " + a.doctor()
                        + ". When would you like to move it to?");
    }

    static String nothingInRange(String l) {
        return pick(l, "Zu dieser Zeit ist leider nichts frei.", "Nothing is free at that time, I am afraid.");
    }

    static String noSlots(String l) {
        return pick(
                l,
                "Ich finde in den nächsten Wochen leider keinen freien Termin.",
                "I cannot find a free appointment in the coming weeks, I am afraid.");
    }

    static String whatToChange(String l) {
        return pick(
                l,
                "Was möchten Sie ändern, den Tag oder die Uhrzeit?",
                "What would you like to change, the day or the time?");
    }

    static String slotTaken(String l) {
        return pick(
                l, "Dieser Termin ist leider gerade vergeben worden.", "That slot has just been taken, I am sorry.");
    }

    static String done(String l, String result, String spoken, String doctor) {
        return switch (result) {
            case "rescheduled" ->
                pick(
                        l,
                        "Ihr Termin ist verschoben auf " + spoken + " bei " + doctor + ".",
                        "Your appointment has been moved to " + spoken + " with " + doctor + ".");
            case "cancelled" ->
                pick(
                        l,
                        "Ihr Termin am " + spoken + " ist abgesagt.",
                        "Your appointment on " + spoken + " has been cancelled.");
            default ->
                pick(
                        l,
                        "Ihr Termin ist gebucht: " + spoken + " bei " + doctor + ".",
                        "Your appointment is booked: " + spoken + " with " + doctor + ".");
        };
    }

    static String noAppointments(String l) {
        return pick(
                l, "Ich sehe keine anstehenden Termine für Sie.", "I cannot see any upcoming appointments for you.");
    }

    static String whichAppointment(String l, List<Listed> all) {
        List<String> parts =
                all.stream().map(a -> pick(l, "am ", "on ") + a.spoken()).toList();
        return pick(
                l,
                "Sie haben mehrere Termine: " + joinOr(parts, l) + ". Welchen meinen Sie?",
                "You have several appointments: " + joinOr(parts, l) + ". Which one do you mean?");
    }

    static String confirmCancel(String l, Listed a) {
        return pick(
                l,
                "Soll ich Ihren Termin am " + a.spoken() + " bei " + a.doctor() + " absagen?",
                "Shall I cancel your appointment on " + a.spoken() + " with " + a.doctor() + "?");
    }

    static String keptAppointment(String l) {
        return pick(l, "Gut, dann bleibt Ihr Termin bestehen.", "All right, your appointment stays as it is.");
    }

    static String sorryPain(String l) {
        return pick(
                l,
                "Das tut mir leid, wir finden schnell einen Termin für Sie.",
                "I am sorry to hear that, let us find you an appointment quickly.");
    }

    static String emergencyNone(String l) {
        return pick(
                l,
                "Heute und morgen ist leider kein Akuttermin frei. Soll ich Sie mit unserem Notfalltelefon "
                        + "verbinden?",
                "There is no urgent appointment free today or tomorrow. Shall I put you through to our emergency line?");
    }

    static String danger(String l) {
        return pick(
                l,
                "Wenn Sie schlecht Luft bekommen, nicht schlucken können oder die Schwellung bis zum Auge "
                        + "oder Hals reicht, rufen Sie bitte sofort die 112 an.",
                "If you have trouble breathing or swallowing, or the swelling reaches your eye or neck, please call "
                        + "112 now.");
    }

    static String medical(String l) {
        return pick(
                l,
                "Medizinische Fragen kann ich leider nicht beantworten, das klärt das Praxisteam mit Ihnen.",
                "I cannot answer medical questions, I am afraid; the practice team will discuss that with you.");
    }

    static String unsupportedTreatment(String l) {
        return pick(
                l,
                "Diese Behandlung kann ich im Moment leider nicht selbst buchen.",
                "I cannot book that treatment myself at the moment, I am afraid.");
    }

    static String noOtherNumbers(String l) {
        return pick(
                l,
                "Mit einer anderen Nummer kann ich Sie nicht verbinden, nur mit unserem Praxisteam.",
                "I cannot connect you to another number, only to our practice team.");
    }

    static String goodbye(String l) {
        if (l.equals("ru")) {
            return "Спасибо за звонок, до свидания!";
        }
        return pick(l, "Vielen Dank für Ihren Anruf. Auf Wiederhören!", "Thank you for calling. Goodbye!");
    }

    static String failed(String l) {
        return pick(l, "Das hat leider nicht geklappt.", "I am sorry, that did not work.");
    }

    static String info(String l, String topic, String text) {
        return switch (topic) {
            case "hours" -> pick(l, "Unsere Öffnungszeiten: " + text + ".", "Our opening hours: " + text + ".");
            case "address" -> pick(l, "Sie finden uns hier: " + text, "You will find us here: " + text);
            default -> text;
        };
    }

    static String joinOr(List<String> parts, String l) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + pick(l, " oder ", " or ") + parts.getLast();
    }
}
