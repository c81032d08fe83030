package dev.sofia.clinic.receptionist.corpus;

import static dev.sofia.clinic.receptionist.corpus.Expect.booked;
import static dev.sofia.clinic.receptionist.corpus.Expect.callerIs;
import static dev.sofia.clinic.receptionist.corpus.Expect.cancelled;
import static dev.sofia.clinic.receptionist.corpus.Expect.moved;
import static dev.sofia.clinic.receptionist.corpus.Expect.outcome;
import static dev.sofia.clinic.receptionist.corpus.Scenario.args;

import dev.sofia.clinic.calls.CallOutcome;
import java.util.List;

/**
 * No free slot on the day asked for (the practice blocked it) and the alternatives the search
 * offers instead; moving and cancelling the seeded appointments (Mustermann Wed 25 9:00 Kontrolle
 * with Weber, Musterfrau Wed 25 10:30 Füllung with Schmidt, Smith Wed 25 15:00 Beratung with
 * Petrova, Becker Tue 24 and Thu 26 10:30 Füllung with Schmidt, Wagner Tue 24 and Thu 26 15:00
 * Beratung with Petrova).
 */
final class RescheduleScenarios {

    private RescheduleScenarios() {}

    static List<Scenario> all() {
        return List.of(
                noSlotOnTheDayAlternativesNextDay(),
                englishNothingOnSaturday(),
                cleaningDayBlockedNextWeek(),
                movesACheckUpToThursday(),
                movesAFillingByPhone(),
                movesToABlockedDayTakesTheAlternative(),
                englishMovesAConsultation(),
                englishWrongTreatmentSearchIsRefusedThenMoved(),
                cancelsAFilling(),
                cancelsAfterCorrectingTheBirthDate(),
                cancelsByPhone(),
                englishCancelsAConsultation());
    }

    static Scenario noSlotOnTheDayAlternativesNextDay() {
        return Scenario.de("Am Wunschtag ist nichts frei: Alternativen am Mittwoch")
                .setup(Setup.blockDay("2026-11-24", "Praxisfortbildung"))
                .caller("Becker, geboren am 8.3.2001. Ich möchte am Dienstag eine Kontrolle.")
                .calls("identify_patient", args("lastName", "Becker", "dateOfBirth", "2001-03-08"))
                .calls("find_free_slots", args("treatment", "kontrolle", "from", "2026-11-24"))
                .expectOutput("find_free_slots", "nothing free in the range asked for; these are the next free ones")
                .expectOutput("find_free_slots", "\"slotId\":\"S1\",\"date\":\"2026-11-25\",\"time\":\"08:00\"")
                .says("Am Dienstag ist leider nichts frei. Am Mittwoch um 8 Uhr hätte Dr. Anna Weber Zeit. Passt das?")
                .caller("Mittwoch um acht passt.")
                .calls("hold_slot", args("slotId", "S1"))
                .says("Kontrolle am Mittwoch, 25. November, um 8:00 Uhr bei Dr. Anna Weber. Soll ich das buchen?")
                .caller("Ja, bitte.")
                .calls("book_appointment", args("slotId", "S1"))
                .says("Gebucht. Bis Mittwoch!")
                .expect(
                        booked("Becker", "kontrolle", "2026-11-25 08:00", "Weber"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Kontrolle, 2026-11-25 08:00"))
                .build();
    }

    static Scenario englishNothingOnSaturday() {
        return Scenario.en("Nothing on Saturday: the next free check-up is on Monday")
                .caller("Smith, 23 January 1990. Can I come for a check-up on Saturday morning?")
                .calls("identify_patient", args("lastName", "Smith", "dateOfBirth", "1990-01-23"))
                .calls("find_free_slots", args("treatment", "kontrolle", "from", "2026-11-28", "partOfDay", "MORNING"))
                .expectOutput("find_free_slots", "nothing free in the range asked for")
                .expectOutput("find_free_slots", "\"slotId\":\"S1\",\"date\":\"2026-11-30\",\"time\":\"08:00\"")
                .says("We're closed on Saturdays. The earliest is Monday, 30 November at 8 am with Dr. Anna Weber. "
                        + "Would that work?")
                .caller("Monday at 8 is fine.")
                .calls("hold_slot", args("slotId", "S1"))
                .says("Check-up on Monday, 30 November at 8:00 am with Dr. Anna Weber. Shall I book it?")
                .caller("Yes.")
                .calls("book_appointment", args("slotId", "S1"))
                .says("Booked. See you on Monday.")
                .expect(
                        booked("Smith", "kontrolle", "2026-11-30 08:00", "Weber"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Check-up, 2026-11-30 08:00"))
                .build();
    }

    static Scenario cleaningDayBlockedNextWeek() {
        return Scenario.de("Zahnreinigung: Donnerstag gesperrt, nächster Termin am Montag")
                .setup(Setup.blockDay("2026-11-26", "Prophylaxe geschlossen"))
                .caller("Musterfrau, 2.9.1975. Ich hätte gern eine Zahnreinigung am Donnerstag.")
                .calls("identify_patient", args("lastName", "Musterfrau", "dateOfBirth", "1975-09-02"))
                .calls("find_free_slots", args("treatment", "pzr", "from", "2026-11-26"))
                .expectOutput("find_free_slots", "nothing free in the range asked for")
                .expectOutput("find_free_slots", "\"slotId\":\"S1\",\"date\":\"2026-11-30\",\"time\":\"08:00\"")
                .says("Am Donnerstag ist leider nichts frei. Der nächste Termin wäre Montag, 30. November, um 8 Uhr "
                        + "bei Maria Klein. Passt das?")
                .caller("Ja, Montag um acht.")
                .calls("hold_slot", args("slotId", "S1"))
                .says("Professionelle Zahnreinigung am Montag, 30. November, um 8:00 Uhr bei Maria Klein. Buchen?")
                .caller("Ja, bitte.")
                .calls("book_appointment", args("slotId", "S1"))
                .says("Gebucht.")
                .expect(
                        booked("Musterfrau", "pzr", "2026-11-30 08:00", "Klein"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Professionelle Zahnreinigung, 2026-11-30 08:00"))
                .build();
    }

    static Scenario movesACheckUpToThursday() {
        return Scenario.de("Kontrolle von Mittwoch auf Donnerstag verschieben")
                .caller("Ich muss meinen Termin am Mittwoch verschieben.")
                .says("Gern. Wie ist Ihr Nachname und Ihr Geburtsdatum?")
                .caller("Mustermann, geboren am 14.5.1980.")
                .calls("identify_patient", args("lastName", "Mustermann", "dateOfBirth", "1980-05-14"))
                .calls("find_my_appointments", "{}")
                .expectOutput("find_my_appointments", "\"appointmentId\":\"A2\",\"date\":\"2026-11-25\"")
                .says("Ich sehe Ihre Kontrolle am Mittwoch, 25. November, um 9 Uhr bei Dr. Anna Weber. "
                        + "Auf wann möchten Sie sie verschieben?")
                .caller("Den am Mittwoch, bitte auf Donnerstag um zehn, wieder bei Frau Dr. Weber.")
                .calls(
                        "find_free_slots",
                        args(
                                "treatment", "kontrolle",
                                "from", "2026-11-26",
                                "doctor", "Weber",
                                "preferredTime", "10:00"))
                .expectOutput("find_free_slots", "\"slotId\":\"S3\",\"date\":\"2026-11-26\",\"time\":\"10:00\"")
                .says("Am Donnerstag, 26. November, um 10 Uhr bei Dr. Anna Weber ist frei. Soll ich Ihren Termin "
                        + "dorthin verschieben?")
                .caller("Ja, um zehn bei Dr. Weber, bitte.")
                .calls("reschedule_appointment", args("appointmentId", "A2", "slotId", "S3"))
                .expectOutput("reschedule_appointment", "\"result\":\"rescheduled\"")
                .says("Erledigt: Ihre Kontrolle ist jetzt am Donnerstag um 10 Uhr.")
                .expect(
                        moved("Mustermann", "2026-11-25 09:00", "2026-11-26 10:00", "Weber"),
                        outcome(CallOutcome.RESCHEDULED, "Termin verschoben auf: Kontrolle, 2026-11-26 10:00"),
                        callerIs("Mustermann"))
                .build();
    }

    static Scenario movesAFillingByPhone() {
        return Scenario.de("Füllung am Telefon auf Donnerstagnachmittag verschieben")
                .phone("+4930123456789")
                .caller("Becker hier, geboren am 8.3.2001. Ich muss meine Füllung morgen verschieben.")
                .calls("identify_patient", args("lastName", "Becker", "dateOfBirth", "2001-03-08"))
                .calls("find_my_appointments", "{}")
                .says("Guten Tag, Herr Becker. Ihre Füllung morgen um 10:30 Uhr bei Dr. Jonas Schmidt, richtig? "
                        + "Wann würde es Ihnen passen?")
                .caller("Donnerstagnachmittag, bei Dr. Schmidt.")
                .calls(
                        "find_free_slots",
                        args(
                                "treatment", "fuellung",
                                "from", "2026-11-26",
                                "doctor", "Schmidt",
                                "partOfDay", "AFTERNOON"))
                .expectOutput("find_free_slots", "\"slotId\":\"S1\",\"date\":\"2026-11-26\",\"time\":\"13:30\"")
                .says("Am Donnerstag um 13:30 Uhr ist Dr. Jonas Schmidt frei. Soll ich die Füllung dorthin "
                        + "verschieben?")
                .caller("Ja, um halb zwei bei Dr. Schmidt, bitte.")
                .calls("reschedule_appointment", args("appointmentId", "A1", "slotId", "S1"))
                .says("Erledigt. Ihre Füllung ist jetzt am Donnerstag um 13:30 Uhr.")
                .expect(
                        moved("Becker", "2026-11-24 10:30", "2026-11-26 13:30", "Schmidt"),
                        outcome(CallOutcome.RESCHEDULED, "Termin verschoben auf: Füllung, 2026-11-26 13:30"))
                .build();
    }

    static Scenario movesToABlockedDayTakesTheAlternative() {
        return Scenario.de("Verschieben auf einen gesperrten Freitag: Ausweichtermin am Montag")
                .setup(Setup.blockDay("2026-11-27", "Brückentag"))
                .caller("Wagner, 19.7.1968. Ich möchte meine Beratung verschieben.")
                .calls("identify_patient", args("lastName", "Wagner", "dateOfBirth", "1968-07-19"))
                .calls("find_my_appointments", "{}")
                .says("Sie haben Beratungen am Dienstag und am Donnerstag um 15 Uhr. Welche möchten Sie verschieben, "
                        + "und auf wann?")
                .caller("Die am Donnerstag, auf Freitag bitte.")
                .calls("find_free_slots", args("treatment", "beratung", "from", "2026-11-27"))
                .expectOutput("find_free_slots", "nothing free in the range asked for")
                .expectOutput("find_free_slots", "\"slotId\":\"S1\",\"date\":\"2026-11-30\",\"time\":\"08:00\"")
                .says("Am Freitag ist die Praxis geschlossen. Der nächste freie Termin ist Montag, 30. November, "
                        + "um 8 Uhr bei Dr. Anna Weber. Soll ich Ihre Beratung dorthin verschieben?")
                .caller("Ja, Montag um acht bei Dr. Weber ist gut.")
                .calls("reschedule_appointment", args("appointmentId", "A2", "slotId", "S1"))
                .says("Erledigt.")
                .expect(
                        moved("Wagner", "2026-11-26 15:00", "2026-11-30 08:00", "Weber"),
                        outcome(CallOutcome.RESCHEDULED, "Termin verschoben auf: Beratung, 2026-11-30 08:00"))
                .build();
    }

    static Scenario englishMovesAConsultation() {
        return Scenario.en("Moving a consultation to the 1st of December")
                .caller("Hello, this is John Smith, born 23 January 1990. I need to move my appointment on Wednesday.")
                .calls("identify_patient", args("lastName", "Smith", "dateOfBirth", "1990-01-23"))
                .calls("find_my_appointments", "{}")
                .expectOutput("find_my_appointments", "\"appointmentId\":\"A2\",\"date\":\"2026-11-25\"")
                .says("I see your consultation on Wednesday, 25 November at 3 pm with Dr. Elena Petrova. "
                        + "When would you like to come instead?")
                .caller("The one on Wednesday. Move it to Tuesday the 1st of December at 2 pm, with Dr. Petrova again.")
                .calls(
                        "find_free_slots",
                        args(
                                "treatment", "beratung",
                                "from", "2026-12-01",
                                "doctor", "Petrova",
                                "preferredTime", "14:00"))
                .expectOutput("find_free_slots", "\"slotId\":\"S3\",\"date\":\"2026-12-01\",\"time\":\"14:00\"")
                .says("Dr. Elena Petrova is free on Tuesday, 1 December at 2 pm. Shall I move it there?")
                .caller("Yes, 2 pm with Dr. Petrova, please.")
                .calls("reschedule_appointment", args("appointmentId", "A2", "slotId", "S3"))
                .says("Done, your consultation is now on 1 December at 2 pm.")
                .expect(
                        moved("Smith", "2026-11-25 15:00", "2026-12-01 14:00", "Petrova"),
                        outcome(CallOutcome.RESCHEDULED, "Termin verschoben auf: Consultation, 2026-12-01 14:00"),
                        callerIs("Smith"))
                .build();
    }

    static Scenario englishWrongTreatmentSearchIsRefusedThenMoved() {
        return Scenario.en("A move to a slot of another treatment is refused; the right search follows")
                .caller("Smith, 23 January 1990. Please move my Wednesday appointment to Thursday morning.")
                .calls("identify_patient", args("lastName", "Smith", "dateOfBirth", "1990-01-23"))
                .calls("find_my_appointments", "{}")
                .calls("find_free_slots", args("treatment", "kontrolle", "from", "2026-11-26", "partOfDay", "MORNING"))
                .says("Thursday at 8 am with Dr. Anna Weber is free. Shall I move your appointment there?")
                .caller("Yes, the Wednesday one, to Thursday at 8 am with Dr. Weber.")
                .calls("reschedule_appointment", args("appointmentId", "A2", "slotId", "S1"))
                .expectError("reschedule_appointment", "wrong-treatment")
                .calls("find_free_slots", args("treatment", "beratung", "from", "2026-11-26", "partOfDay", "MORNING"))
                .says("Sorry, let me look for a consultation slot. Thursday at 8 am with Dr. Anna Weber is free "
                        + "for a consultation. Is that all right?")
                .caller("Yes, 8 am with Dr. Weber is fine.")
                .calls("reschedule_appointment", args("appointmentId", "A2", "slotId", "S5"))
                .says("Done, your consultation is now on Thursday at 8 am.")
                .expect(
                        moved("Smith", "2026-11-25 15:00", "2026-11-26 08:00", "Weber"),
                        outcome(CallOutcome.RESCHEDULED, "Termin verschoben auf: Consultation, 2026-11-26 08:00"))
                .build();
    }

    static Scenario cancelsAFilling() {
        return Scenario.de("Füllung am Mittwoch absagen")
                .caller("Guten Tag, ich muss einen Termin absagen. Musterfrau, geboren am 2.9.1975.")
                .calls("identify_patient", args("lastName", "Musterfrau", "dateOfBirth", "1975-09-02"))
                .calls("find_my_appointments", "{}")
                .expectOutput("find_my_appointments", "\"appointmentId\":\"A2\",\"date\":\"2026-11-25\"")
                .says("Ich sehe heute um 10:30 Uhr und Mittwoch, 25. November, um 10:30 Uhr jeweils eine Füllung "
                        + "bei Dr. Jonas Schmidt. Welchen Termin möchten Sie absagen?")
                .caller("Den am Mittwoch. Ich bin krank.")
                .says("Soll ich die Füllung am Mittwoch, 25. November, um 10:30 Uhr absagen?")
                .caller("Ja, bitte.")
                .calls("cancel_appointment", args("appointmentId", "A2", "reason", "krank"))
                .expectOutput("cancel_appointment", "\"result\":\"cancelled\"")
                .says("Der Termin ist abgesagt. Gute Besserung!")
                .expect(
                        cancelled("Musterfrau", "2026-11-25 10:30"),
                        outcome(CallOutcome.CANCELLED, "Termin abgesagt: Füllung, 2026-11-25 10:30"),
                        callerIs("Musterfrau"))
                .build();
    }

    static Scenario cancelsAfterCorrectingTheBirthDate() {
        return Scenario.de("Falsches Geburtsdatum, korrigiert, dann abgesagt")
                .caller("Wagner, geboren am 19.7.1986. Ich möchte meinen Termin morgen absagen.")
                .calls("identify_patient", args("lastName", "Wagner", "dateOfBirth", "1986-07-19"))
                .expectError("identify_patient", "patient-not-found")
                .says("Unter diesem Namen und Geburtsdatum finde ich niemanden. Können Sie das Geburtsdatum "
                        + "bitte noch einmal sagen?")
                .caller("Wagner, geboren am 19.7.1968.")
                .calls("identify_patient", args("lastName", "Wagner", "dateOfBirth", "1968-07-19"))
                .calls("find_my_appointments", "{}")
                .says("Danke, Frau Wagner. Ihre Beratung morgen, Dienstag, um 15 Uhr bei Dr. Elena Petrova: soll ich "
                        + "sie absagen?")
                .caller("Ja, den morgen, bitte absagen.")
                .says("Die Beratung morgen, Dienstag, 24. November, um 15 Uhr absagen, richtig?")
                .caller("Ja.")
                .calls("cancel_appointment", args("appointmentId", "A1"))
                .says("Abgesagt.")
                .expect(
                        cancelled("Wagner", "2026-11-24 15:00"),
                        outcome(CallOutcome.CANCELLED, "Termin abgesagt: Beratung, 2026-11-24 15:00"),
                        callerIs("Wagner"))
                .build();
    }

    static Scenario cancelsByPhone() {
        return Scenario.de("Füllung am Donnerstag telefonisch absagen")
                .phone("+4930123456789")
                .caller("Lukas Becker, 8.3.2001. Ich möchte einen Termin absagen.")
                .calls("identify_patient", args("lastName", "Becker", "dateOfBirth", "2001-03-08"))
                .calls("find_my_appointments", "{}")
                .says("Sie haben Füllungen am Dienstag und am Donnerstag um 10:30 Uhr. Welche soll ich absagen?")
                .caller("Den am Donnerstag.")
                .says("Die Füllung am Donnerstag, 26. November, um 10:30 Uhr bei Dr. Jonas Schmidt absagen?")
                .caller("Ja, bitte absagen.")
                .calls("cancel_appointment", args("appointmentId", "A2"))
                .says("Der Termin ist abgesagt.")
                .expect(
                        cancelled("Becker", "2026-11-26 10:30"),
                        outcome(CallOutcome.CANCELLED, "Termin abgesagt: Füllung, 2026-11-26 10:30"))
                .build();
    }

    static Scenario englishCancelsAConsultation() {
        return Scenario.en("Cancelling a consultation")
                .caller("Hi, I need to cancel an appointment. John Smith, 23 January 1990.")
                .calls("identify_patient", args("lastName", "Smith", "dateOfBirth", "1990-01-23"))
                .calls("find_my_appointments", "{}")
                .says("You have consultations today and on Wednesday at 3 pm. Which one shall I cancel?")
                .caller("The one on Wednesday.")
                .says("Your consultation on Wednesday, 25 November at 3 pm with Dr. Elena Petrova: shall I cancel it?")
                .caller("Yes, please cancel it.")
                .calls("cancel_appointment", args("appointmentId", "A2", "reason", "travelling"))
                .says("It's cancelled.")
                .expect(
                        cancelled("Smith", "2026-11-25 15:00"),
                        outcome(CallOutcome.CANCELLED, "Termin abgesagt: Consultation, 2026-11-25 15:00"))
                .build();
    }
}
