package dev.sofia.clinic.receptionist.corpus;

import static dev.sofia.clinic.receptionist.corpus.Expect.booked;
import static dev.sofia.clinic.receptionist.corpus.Expect.callback;
import static dev.sofia.clinic.receptionist.corpus.Expect.callerIs;
import static dev.sofia.clinic.receptionist.corpus.Expect.cancelled;
import static dev.sofia.clinic.receptionist.corpus.Expect.outcome;
import static dev.sofia.clinic.receptionist.corpus.Scenario.args;

import dev.sofia.clinic.calls.CallOutcome;
import java.util.List;

/**
 * Russian callers (the demo's Olga Ivanova, born 30.11.1985, phone +4916045678901, with check-ups
 * on Tue 24 and Thu 26 at 9:00 with Dr. Weber). The scripted model serves them in Russian; the
 * offline engine is not meant to run a Russian dialog, so each scenario says what it does instead:
 * it offers the team's call-back in Russian (in pain, the emergency line first) and takes the
 * message, whose reason tells the team in German what it was about (the calendar stays as it is).
 */
final class RussianScenarios {

    private static final String OFFLINE = "the offline engine does not run Russian dialogs: it takes a message for a "
            + "call back (the reason in German, marked as a Russian call) and changes nothing in the calendar";

    private RussianScenarios() {}

    static List<Scenario> all() {
        return List.of(
                booksACheckUp(),
                cancelsACheckUp(),
                toothacheToday(),
                afterHoursMessage(),
                switchesFromGermanToRussian());
    }

    static Scenario booksACheckUp() {
        return Scenario.ru("Запись на осмотр")
                .phone("+4916045678901")
                .caller("Здравствуйте, я хочу записаться на осмотр. Иванова, тридцатое ноября 1985 года.")
                .calls("identify_patient", args("lastName", "Ivanova", "dateOfBirth", "1985-11-30"))
                .expectOutput("identify_patient", "Olga Ivanova")
                .says("Спасибо, Ольга. Когда вам удобно?")
                .caller("В среду в два часа дня.")
                .calls(
                        "find_free_slots",
                        args("treatment", "kontrolle", "from", "2026-11-25", "preferredTime", "14:00"))
                .expectOutput("find_free_slots", "\"spoken\":\"среда, 25 ноября, в 14:00\"")
                .says("В среду, 25 ноября, в 14:00 свободно у доктора Анны Вебер. Подходит?")
                .caller("Да.")
                .calls("hold_slot", args("slotId", "S2"))
                .expectOutput("hold_slot", "Осмотр: среда, 25 ноября, в 14:00, врач Dr. Anna Weber")
                .says("Осмотр: среда, 25 ноября в 14:00, врач Анна Вебер. Записать вас?")
                .caller("Да, пожалуйста.")
                .calls("book_appointment", args("slotId", "S2"))
                .says("Готово, вы записаны.")
                .expect(
                        booked("Ivanova", "kontrolle", "2026-11-25 14:00", "Weber"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Осмотр, 2026-11-25 14:00"),
                        callerIs("Ivanova"))
                .offline(
                        OFFLINE + ": " + "the engine offers a call-back in Russian; «Да» takes the message",
                        callback("+4916045678901", "Terminwunsch"),
                        outcome(CallOutcome.MESSAGE, "Rückrufbitte: Terminwunsch (Anruf auf Russisch)"))
                .build();
    }

    static Scenario cancelsACheckUp() {
        return Scenario.ru("Отмена осмотра во вторник")
                .phone("+4916045678901")
                .caller("Добрый день, мне нужно отменить приём во вторник. Ольга Иванова, 30.11.1985.")
                .calls("identify_patient", args("lastName", "Ivanova", "dateOfBirth", "1985-11-30"))
                .calls("find_my_appointments", "{}")
                .expectOutput("find_my_appointments", "\"appointmentId\":\"A1\",\"date\":\"2026-11-24\"")
                .says("Осмотр во вторник, 24 ноября, в 9:00 у доктора Вебер. Отменить его?")
                .caller("Да, отмените, пожалуйста.")
                .calls("cancel_appointment", args("appointmentId", "A1", "reason", "не может прийти"))
                .says("Приём отменён.")
                .expect(
                        cancelled("Ivanova", "2026-11-24 09:00"),
                        outcome(CallOutcome.CANCELLED, "Termin abgesagt: Осмотр, 2026-11-24 09:00"))
                .offline(
                        OFFLINE + ": " + "the engine offers a call-back in Russian; «Да» takes the message",
                        callback("+4916045678901", "Termin absagen"),
                        outcome(CallOutcome.MESSAGE, "Rückrufbitte: möchte einen Termin absagen (Anruf auf Russisch)"))
                .build();
    }

    static Scenario toothacheToday() {
        return Scenario.ru("Острая зубная боль: приём сегодня")
                .phone("+4916045678901")
                .caller("У меня сильно болит зуб, можно сегодня? Иванова, 30.11.1985.")
                .calls("identify_patient", args("lastName", "Ivanova", "dateOfBirth", "1985-11-30"))
                .calls("find_free_slots", args("treatment", "schmerz", "from", "2026-11-23"))
                .says("Сегодня в 9:15 вас может принять доктор Елена Петрова. Успеете?")
                .caller("Да, успею.")
                .calls("hold_slot", args("slotId", "S3"))
                .says("Острая зубная боль: понедельник, 23 ноября в 9:15, врач Елена Петрова. Записать?")
                .caller("Да.")
                .calls("book_appointment", args("slotId", "S3", "notes", "сильная зубная боль"))
                .says("Вы записаны. Приходите сразу.")
                .expect(
                        booked("Ivanova", "schmerz", "2026-11-23 09:15", "Petrova"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Острая зубная боль, 2026-11-23 09:15"))
                .offline(
                        OFFLINE + ": "
                                + "in pain the engine offers the emergency line; none is configured, so it offers the call-back, which «Да» takes",
                        callback("+4916045678901", "Schmerzen"),
                        outcome(CallOutcome.MESSAGE, "Rückrufbitte: Schmerzen (Anruf auf Russisch)"))
                .build();
    }

    static Scenario afterHoursMessage() {
        return Scenario.ru("После закрытия: просьба перезвонить")
                .phone("+4916045678901")
                .setup(Setup.clockAt("2026-11-23 20:00"))
                .caller("Здравствуйте, у меня вопрос по счёту. Перезвоните мне, пожалуйста.")
                .calls("take_message", args("reason", "вопрос по счёту", "callerName", "Olga Ivanova"))
                .expectOutput("take_message", "the team will call back")
                .says("Клиника сейчас закрыта. Я передала вашу просьбу, вам перезвонят завтра.")
                .expect(
                        callback("+4916045678901", "счёту"),
                        outcome(CallOutcome.MESSAGE, "Rückrufbitte: вопрос по счёту"))
                .offline(
                        OFFLINE + ": " + "the caller asks for a call-back: the engine takes the message at once",
                        callback("+4916045678901", "Rechnung"),
                        outcome(CallOutcome.MESSAGE, "Rückrufbitte: Frage zur Rechnung (Anruf auf Russisch)"))
                .build();
    }

    static Scenario switchesFromGermanToRussian() {
        return Scenario.de("Anruferin spricht Russisch: Sofia wechselt die Sprache und nimmt eine Nachricht auf")
                .phone("+4916045678901")
                .caller("Извините, я плохо говорю по-немецки. Можно по-русски?")
                .calls("set_language", args("language", "RU"))
                .expectOutput("set_language", "\"text\":\"ru\"")
                .says("Конечно. Чем могу помочь?")
                .caller("Пусть мне перезвонит доктор Вебер, это по поводу снимка.")
                .calls("take_message", args("reason", "просит перезвонить доктора Вебер по поводу снимка"))
                .says("Хорошо, я передала. Вам перезвонят по этому номеру.")
                .expect(
                        callback("+4916045678901", "снимка"),
                        outcome(CallOutcome.MESSAGE, "Rückrufbitte: просит перезвонить"))
                .offline(
                        OFFLINE + ": "
                                + "the engine offers a call-back in Russian; asked to call back, it takes the message",
                        callback("+4916045678901", "Röntgenbild"),
                        outcome(CallOutcome.MESSAGE, "Rückrufbitte: Frage zum Röntgenbild (Anruf auf Russisch)"))
                .build();
    }
}
