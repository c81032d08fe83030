package dev.sofia.clinic.receptionist.corpus;

import static dev.sofia.clinic.receptionist.corpus.Expect.booked;
import static dev.sofia.clinic.receptionist.corpus.Expect.callback;
import static dev.sofia.clinic.receptionist.corpus.Expect.handover;
import static dev.sofia.clinic.receptionist.corpus.Expect.noOutcome;
import static dev.sofia.clinic.receptionist.corpus.Expect.nothingChanged;
import static dev.sofia.clinic.receptionist.corpus.Expect.outcome;
import static dev.sofia.clinic.receptionist.corpus.Expect.registered;
import static dev.sofia.clinic.receptionist.corpus.Expect.transferred;
import static dev.sofia.clinic.receptionist.corpus.Scenario.args;

import dev.sofia.clinic.calls.CallOutcome;
import java.util.List;

/**
 * Emergencies: the pain consultation today, the emergency line when nothing is free or the caller
 * cannot wait, 112 when it is beyond a dentist; and treatments or doctors the practice does not have.
 */
final class EmergencyScenarios {

    private EmergencyScenarios() {}

    static List<Scenario> all() {
        return List.of(
                toothacheGetsTheEarliestSlotToday(),
                englishNewPatientWithASwelling(),
                nothingFreeTodayGoesToTheEmergencyLine(),
                troubleBreathingIsTold112(),
                englishKnockedOutToothWantsAPerson(),
                unknownTreatmentBecomesAConsultation(),
                unknownDoctorIsRefused(),
                englishUnknownTreatmentLeavesAMessage());
    }

    static Scenario toothacheGetsTheEarliestSlotToday() {
        return Scenario.de("Starke Zahnschmerzen: Schmerzsprechstunde heute")
                .caller("Ich habe seit gestern starke Zahnschmerzen und brauche heute einen Termin.")
                .says("Das tut mir leid. Wie ist Ihr Nachname und Ihr Geburtsdatum?")
                .caller("Mustermann, 14.5.1980.")
                .calls("identify_patient", args("lastName", "Mustermann", "dateOfBirth", "1980-05-14"))
                .calls("find_free_slots", args("treatment", "schmerz", "from", "2026-11-23"))
                .expectOutput("find_free_slots", "\"slotId\":\"S3\",\"date\":\"2026-11-23\",\"time\":\"09:15\"")
                .says("Heute um 9:15 Uhr kann Dr. Elena Petrova Sie sehen. Schaffen Sie das?")
                .caller("Ja, das schaffe ich.")
                .calls("hold_slot", args("slotId", "S3"))
                .says("Schmerzsprechstunde heute, Montag, 23. November, um 9:15 Uhr bei Dr. Elena Petrova. "
                        + "Soll ich das buchen?")
                .caller("Ja, bitte.")
                .calls("book_appointment", args("slotId", "S3", "notes", "starke Zahnschmerzen seit gestern"))
                .says("Gebucht. Kommen Sie bitte direkt in die Praxis. Gute Besserung!")
                .expect(
                        booked("Mustermann", "schmerz", "2026-11-23 09:15", "Petrova"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Schmerzsprechstunde, 2026-11-23 09:15"))
                .offline(
                        "the engine holds and offers the earliest slot at once; the pain consultation has no notice, "
                                + "so that is 9:00, the current minute",
                        booked("Mustermann", "schmerz", "2026-11-23 09:00", "Petrova"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Schmerzsprechstunde, 2026-11-23 09:00"))
                .build();
    }

    static Scenario englishNewPatientWithASwelling() {
        return Scenario.en("A new patient with a swollen cheek is seen today")
                .caller("Hello, my cheek is swollen and it hurts a lot. I've never been to your practice.")
                .says("I'm sorry to hear that. Is the swelling spreading towards your eye or neck, or do you have "
                        + "trouble breathing or swallowing?")
                .caller("No, just the cheek.")
                .says("Then let's get you seen today. What is your full name and date of birth?")
                .caller("Tom Miller, born 10 February 1979.")
                .calls("identify_patient", args("lastName", "Miller", "dateOfBirth", "1979-02-10"))
                .expectError("identify_patient", "patient-not-found")
                .calls("register_patient", args("firstName", "Tom", "lastName", "Miller", "dateOfBirth", "1979-02-10"))
                .calls("find_free_slots", args("treatment", "schmerz", "from", "2026-11-23"))
                .says("Dr. Elena Petrova can see you today at 9:15 am. Can you make it?")
                .caller("Yes, I can.")
                .calls("hold_slot", args("slotId", "S3"))
                .says("Emergency toothache appointment today, Monday 23 November at 9:15 am with Dr. Elena Petrova. "
                        + "Shall I book it?")
                .caller("Yes, please.")
                .calls("book_appointment", args("slotId", "S3", "notes", "swollen cheek"))
                .says("You're booked. Please come straight in.")
                .expect(
                        registered("Tom", "Miller", "1979-02-10", null, "en"),
                        booked("Miller", "schmerz", "2026-11-23 09:15", "Petrova"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Emergency (toothache), 2026-11-23 09:15"))
                .offline(
                        "the engine holds and offers the earliest slot at once: 9:00, the current minute",
                        registered("Tom", "Miller", "1979-02-10", null, "en"),
                        booked("Miller", "schmerz", "2026-11-23 09:00", "Petrova"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Emergency (toothache), 2026-11-23 09:00"))
                .build();
    }

    static Scenario nothingFreeTodayGoesToTheEmergencyLine() {
        return Scenario.de("Heute nichts frei, Anrufer kann nicht warten: Notfalllinie")
                .phone("+4917156789012")
                .setup(Setup.transferTargets(), Setup.blockDay("2026-11-23", "Notdienstübergabe"))
                .caller("Wagner, 19.7.1968. Mir ist ein Zahn abgebrochen, es blutet und tut furchtbar weh.")
                .calls("identify_patient", args("lastName", "Wagner", "dateOfBirth", "1968-07-19"))
                .calls("find_free_slots", args("treatment", "schmerz", "from", "2026-11-23"))
                .expectOutput("find_free_slots", "nothing free in the range asked for")
                .says("Heute ist leider nichts mehr frei, der nächste Termin wäre morgen um 8 Uhr. "
                        + "Können Sie bis morgen warten?")
                .caller("Nein, das halte ich nicht aus.")
                .saysAndCalls(
                        "Ich verbinde Sie mit unserer Notfalllinie. Einen Moment bitte.",
                        "transfer_to_staff",
                        args("line", "EMERGENCY", "reason", "abgebrochener Zahn, Blutung, starke Schmerzen"))
                .expectOutput("transfer_to_staff", "\"result\":\"transferred\"")
                .expect(
                        transferred("emergency"),
                        outcome(CallOutcome.TRANSFERRED, "Weitergeleitet an Notfalldienst: abgebrochener Zahn"))
                .build();
    }

    static Scenario troubleBreathingIsTold112() {
        return Scenario.de("Atemnot und Schwellung bis zum Hals: sofort 112")
                .caller("Meine Wange ist stark geschwollen, die Schwellung geht bis zum Hals und ich bekomme "
                        + "schlecht Luft.")
                .says("Bitte legen Sie auf und rufen Sie sofort die 112 an. Das ist ein Notfall für den "
                        + "Rettungsdienst.")
                .expect(nothingChanged(), noOutcome())
                .offline(
                        "the offline engine may also hand over to the emergency line; it must not book anything",
                        Expect.noCalendarChange())
                .build();
    }

    static Scenario englishKnockedOutToothWantsAPerson() {
        return Scenario.en("A knocked-out tooth on the web: handed over to the team as an emergency")
                .caller("My son fell off his bike and knocked out a front tooth. I want to talk to someone now.")
                .saysAndCalls(
                        "Please keep the tooth moist, in milk if you can. I'm passing you to our team as an emergency.",
                        "transfer_to_staff",
                        args("line", "EMERGENCY", "reason", "child knocked out a front tooth"))
                .expectOutput("transfer_to_staff", "\"result\":\"handover-requested\"")
                .expect(
                        handover("Notfall: child knocked out a front tooth"),
                        outcome(CallOutcome.TRANSFERRED, "Übergabe an das Team (emergency)"))
                .offline(
                        "the engine gives no first-aid advice and writes the team's reason in its own German words",
                        handover("Notfall: ausgeschlagener Zahn"),
                        outcome(CallOutcome.TRANSFERRED, "Übergabe an das Team (emergency): ausgeschlagener Zahn"))
                .build();
    }

    static Scenario unknownTreatmentBecomesAConsultation() {
        return Scenario.de("Bleaching gibt es nicht: stattdessen eine Beratung")
                .caller("Musterfrau, 2.9.1975. Ich hätte gern einen Termin für ein Bleaching am Donnerstag.")
                .calls("identify_patient", args("lastName", "Musterfrau", "dateOfBirth", "1975-09-02"))
                .calls("find_free_slots", args("treatment", "bleaching", "from", "2026-11-26"))
                .expectError("find_free_slots", "unknown-treatment")
                .says("Ein Bleaching bietet die Praxis leider nicht an. Möchten Sie eine Beratung, in der Sie das "
                        + "besprechen können?")
                .caller("Ja, eine Beratung am Donnerstag um 11 Uhr.")
                .calls("find_free_slots", args("treatment", "beratung", "from", "2026-11-26", "preferredTime", "11:00"))
                .expectOutput(
                        "find_free_slots",
                        "\"time\":\"11:00\",\"spoken\":\"Donnerstag, 26. November, um 11:00 Uhr\""
                                + ",\"doctor\":\"Dr. Anna Weber\"")
                .says("Am Donnerstag um 11 Uhr ist bei Dr. Anna Weber frei. Passt das?")
                .caller("Ja.")
                .calls("hold_slot", args("slotId", "S3"))
                .says("Beratung am Donnerstag, 26. November, um 11:00 Uhr bei Dr. Anna Weber. Buchen?")
                .caller("Ja, bitte.")
                .calls("book_appointment", args("slotId", "S3"))
                .says("Gebucht.")
                .expect(
                        booked("Musterfrau", "beratung", "2026-11-26 11:00", "Weber"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Beratung, 2026-11-26 11:00"))
                .build();
    }

    static Scenario unknownDoctorIsRefused() {
        return Scenario.de("Ein Dr. Müller arbeitet hier nicht: Kontrolle bei Dr. Schmidt")
                .caller("Becker, 8.3.2001. Ich möchte eine Kontrolle bei Dr. Müller, morgen früh.")
                .calls("identify_patient", args("lastName", "Becker", "dateOfBirth", "2001-03-08"))
                .calls(
                        "find_free_slots",
                        args(
                                "treatment", "kontrolle",
                                "from", "2026-11-24",
                                "doctor", "Müller",
                                "partOfDay", "MORNING"))
                .expectError("find_free_slots", "unknown-doctor")
                .says("Einen Dr. Müller gibt es bei uns nicht. Bei uns arbeiten Dr. Anna Weber, Dr. Jonas Schmidt "
                        + "und Dr. Elena Petrova. Bei wem möchten Sie den Termin?")
                .caller("Dann bei Dr. Schmidt.")
                .calls(
                        "find_free_slots",
                        args(
                                "treatment", "kontrolle",
                                "from", "2026-11-24",
                                "doctor", "Schmidt",
                                "partOfDay", "MORNING"))
                .expectOutput("find_free_slots", "\"slotId\":\"S1\",\"date\":\"2026-11-24\",\"time\":\"08:00\"")
                .says("Morgen um 8 Uhr bei Dr. Jonas Schmidt ist frei. Passt das?")
                .caller("Ja.")
                .calls("hold_slot", args("slotId", "S1"))
                .says("Kontrolle am Dienstag, 24. November, um 8:00 Uhr bei Dr. Jonas Schmidt. Buchen?")
                .caller("Ja, bitte.")
                .calls("book_appointment", args("slotId", "S1"))
                .says("Gebucht.")
                .expect(
                        booked("Becker", "kontrolle", "2026-11-24 08:00", "Schmidt"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Kontrolle, 2026-11-24 08:00, Dr. Jonas Schmidt"))
                .build();
    }

    static Scenario englishUnknownTreatmentLeavesAMessage() {
        return Scenario.en("Implants are not in the list: a call-back is arranged")
                .caller("Do you do dental implants? I'd like an appointment for one.")
                .calls("find_free_slots", args("treatment", "implant", "from", "2026-11-24"))
                .expectError("find_free_slots", "unknown-treatment")
                .says("I can't book implants myself. Shall the team call you back about it?")
                .caller("Yes, please call me back on 0151 98765432. My name is Laura King.")
                .calls(
                        "take_message",
                        args(
                                "reason", "asks about dental implants",
                                "callerName", "Laura King",
                                "phone", "0151 98765432"))
                .expectOutput("take_message", "the team will call back")
                .says("The team will call you back. Goodbye!")
                .expect(
                        callback("+4915198765432", "implants"),
                        outcome(CallOutcome.MESSAGE, "Rückrufbitte: asks about dental implants"))
                .offline(
                        "the engine writes the team's reason in its own German words",
                        callback("+4915198765432", "Implantaten"),
                        outcome(CallOutcome.MESSAGE, "Rückrufbitte: Frage zu Implantaten"))
                .build();
    }
}
