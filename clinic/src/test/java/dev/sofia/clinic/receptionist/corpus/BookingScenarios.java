package dev.sofia.clinic.receptionist.corpus;

import static dev.sofia.clinic.receptionist.corpus.Expect.booked;
import static dev.sofia.clinic.receptionist.corpus.Expect.callerIs;
import static dev.sofia.clinic.receptionist.corpus.Expect.noHolds;
import static dev.sofia.clinic.receptionist.corpus.Expect.noOutcome;
import static dev.sofia.clinic.receptionist.corpus.Expect.nothingChanged;
import static dev.sofia.clinic.receptionist.corpus.Expect.outcome;
import static dev.sofia.clinic.receptionist.corpus.Expect.registered;
import static dev.sofia.clinic.receptionist.corpus.Scenario.args;

import dev.sofia.clinic.calls.CallOutcome;
import java.util.List;

/**
 * Booking: existing and new patients, a wished-for doctor, a caller recognised by their number,
 * the calendar refusing a treatment new patients cannot book, and callers who change their mind
 * before they confirm. The demo's Monday 23 November 2026, 9:00: "nächsten Dienstag" is the 24th.
 */
final class BookingScenarios {

    private BookingScenarios() {}

    static List<Scenario> all() {
        return List.of(
                existingPatientBooksACheckUp(),
                newPatientRegistersAndBooksACleaning(),
                aWishedForDoctor(),
                aCallerRecognisedByTheirNumberBooksByPhone(),
                aNewPatientCannotBookAFilling(),
                changesTheDayAfterTheReadBack(),
                decidesNotToBookAfterAll(),
                englishExistingPatientBooksACheckUp(),
                englishNewPatientBooksAConsultation(),
                englishChangesTheTreatment());
    }

    static Scenario existingPatientBooksACheckUp() {
        return Scenario.de("Bestandspatient bucht eine Kontrolle")
                .caller("Guten Tag, ich möchte einen Kontrolltermin.")
                .says("Gern. Wie ist Ihr Nachname und Ihr Geburtsdatum?")
                .caller("Mustermann, geboren am 14.5.1980.")
                .calls("identify_patient", args("lastName", "Mustermann", "dateOfBirth", "1980-05-14"))
                .expectOutput("identify_patient", "Max Mustermann")
                .says("Danke, Herr Mustermann. Wann würde es Ihnen passen?")
                .caller("Nächsten Dienstag um halb zehn.")
                .calls(
                        "find_free_slots",
                        args("treatment", "kontrolle", "from", "2026-11-24", "preferredTime", "09:30"))
                .expectOutput("find_free_slots", "\"slotId\":\"S2\",\"date\":\"2026-11-24\",\"time\":\"09:30\"")
                .says("Am Dienstag, 24. November, um 9:30 Uhr hätte ich einen Termin bei Dr. Anna Weber. Passt das?")
                .caller("Ja, um halb zehn bei Dr. Weber, bitte.")
                .calls("hold_slot", args("slotId", "S2"))
                .expectOutput("hold_slot", "Kontrolle am Dienstag, 24. November, um 9:30 Uhr bei Dr. Anna Weber")
                .says("Kontrolle am Dienstag, 24. November, um 9:30 Uhr bei Dr. Anna Weber. Soll ich das so buchen?")
                .caller("Ja, genau.")
                .calls("book_appointment", args("slotId", "S2"))
                .expectOutput("book_appointment", "\"result\":\"booked\"")
                .says("Ihr Termin ist gebucht. Kann ich sonst noch etwas für Sie tun?")
                .caller("Nein, danke. Auf Wiederhören.")
                .saysAndCalls("Auf Wiederhören, Herr Mustermann!", "end_call", "{}")
                .expect(
                        booked("Mustermann", "kontrolle", "2026-11-24 09:30", "Weber"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Kontrolle, 2026-11-24 09:30, Dr. Anna Weber"),
                        callerIs("Mustermann"),
                        noHolds())
                .build();
    }

    static Scenario newPatientRegistersAndBooksACleaning() {
        return Scenario.de("Neupatientin meldet sich an und bucht eine Zahnreinigung")
                .caller("Hallo, ich bin neu bei Ihnen und hätte gern eine professionelle Zahnreinigung.")
                .says("Herzlich willkommen! Wie heißen Sie, und wann sind Sie geboren?")
                .caller("Anna Schulz, geboren am 3.4.1992.")
                .calls("identify_patient", args("lastName", "Schulz", "dateOfBirth", "1992-04-03"))
                .expectError("identify_patient", "patient-not-found")
                .says("Ich lege Sie gern als neue Patientin an. Unter welcher Telefonnummer erreichen wir Sie?")
                .caller("Ja, ich bin neu. Meine Nummer ist 0170 1234567.")
                .calls(
                        "register_patient",
                        args(
                                "firstName", "Anna",
                                "lastName", "Schulz",
                                "dateOfBirth", "1992-04-03",
                                "phone", "0170 1234567"))
                .expectOutput("register_patient", "\"result\":\"registered\"")
                .says("Danke, Frau Schulz. Wann passt es Ihnen?")
                .caller("Donnerstag um 14 Uhr.")
                .calls("find_free_slots", args("treatment", "pzr", "from", "2026-11-26", "preferredTime", "14:00"))
                .expectOutput("find_free_slots", "\"slotId\":\"S3\",\"date\":\"2026-11-26\",\"time\":\"14:00\"")
                .says("Am Donnerstag, 26. November, um 14 Uhr ist bei Maria Klein frei. Passt Ihnen das?")
                .caller("Ja, um 14 Uhr, bitte.")
                .calls("hold_slot", args("slotId", "S3"))
                .says("Professionelle Zahnreinigung am Donnerstag, 26. November, um 14:00 Uhr bei Maria Klein. "
                        + "Soll ich das buchen?")
                .caller("Ja.")
                .calls("book_appointment", args("slotId", "S3"))
                .expectOutput("book_appointment", "\"result\":\"booked\"")
                .says("Ihr Termin ist gebucht. Bitte bringen Sie Ihre Versichertenkarte mit.")
                .expect(
                        registered("Anna", "Schulz", "1992-04-03", "+491701234567", "de"),
                        booked("Schulz", "pzr", "2026-11-26 14:00", "Klein"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Professionelle Zahnreinigung, 2026-11-26 14:00"),
                        callerIs("Schulz"))
                .build();
    }

    static Scenario aWishedForDoctor() {
        return Scenario.de("Wunschärztin Dr. Petrova am Dienstagnachmittag")
                .caller("Guten Tag, hier ist Sophie Wagner, geboren am 19.7.1968.")
                .calls("identify_patient", args("lastName", "Wagner", "dateOfBirth", "1968-07-19"))
                .says("Guten Tag, Frau Wagner. Was kann ich für Sie tun?")
                .caller("Ich hätte gern eine Kontrolle bei Frau Dr. Petrova, am Dienstag gegen 14 Uhr.")
                .calls(
                        "find_free_slots",
                        args(
                                "treatment", "kontrolle",
                                "from", "2026-11-24",
                                "doctor", "Petrova",
                                "preferredTime", "14:00"))
                .expectOutput("find_free_slots", "\"slotId\":\"S3\",\"date\":\"2026-11-24\",\"time\":\"14:00\"")
                .says("Bei Dr. Elena Petrova ist am Dienstag um 14 Uhr frei. Passt das?")
                .caller("Ja, um 14 Uhr passt.")
                .calls("hold_slot", args("slotId", "S3"))
                .expectOutput("hold_slot", "bei Dr. Elena Petrova")
                .says("Kontrolle am Dienstag, 24. November, um 14:00 Uhr bei Dr. Elena Petrova. Richtig so?")
                .caller("Ja, richtig.")
                .calls("book_appointment", args("slotId", "S3"))
                .says("Gebucht. Bis Dienstag, Frau Wagner!")
                .expect(
                        booked("Wagner", "kontrolle", "2026-11-24 14:00", "Petrova"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Kontrolle, 2026-11-24 14:00, Dr. Elena Petrova"),
                        callerIs("Wagner"))
                .build();
    }

    static Scenario aCallerRecognisedByTheirNumberBooksByPhone() {
        return Scenario.de("Anruferin am Telefon an ihrer Nummer erkannt, bucht eine Beratung")
                .phone("+4915223456789")
                .setup(Setup.callerRecognised())
                .caller("Guten Tag, ich bräuchte einen Beratungstermin.")
                .says("Gern. Spreche ich mit Frau Musterfrau, und ist der Termin für Sie?")
                .caller("Ja, für mich.")
                .says("Wann passt es Ihnen?")
                .caller("Morgen um elf.")
                .calls("find_free_slots", args("treatment", "beratung", "from", "2026-11-24", "preferredTime", "11:00"))
                .expectOutput("find_free_slots", "\"slotId\":\"S3\",\"date\":\"2026-11-24\",\"time\":\"11:00\"")
                .says("Morgen um 11 Uhr ist bei Dr. Anna Weber frei. Passt das?")
                .caller("Ja, um elf bei Dr. Weber.")
                .calls("hold_slot", args("slotId", "S3"))
                .says("Beratung am Dienstag, 24. November, um 11:00 Uhr bei Dr. Anna Weber. Soll ich das buchen?")
                .caller("Ja, bitte.")
                .calls("book_appointment", args("slotId", "S3"))
                .says("Erledigt, Ihr Termin ist gebucht.")
                .expect(
                        booked("Musterfrau", "beratung", "2026-11-24 11:00", "Weber"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Beratung, 2026-11-24 11:00"),
                        callerIs("Musterfrau"))
                .build();
    }

    static Scenario aNewPatientCannotBookAFilling() {
        return Scenario.de("Neupatient will eine Füllung: der Kalender lehnt ab, es wird eine Kontrolle")
                .caller("Guten Tag, Jan Hoffmann, geboren am 2.2.1995. Ich brauche eine Füllung.")
                .calls("identify_patient", args("lastName", "Hoffmann", "dateOfBirth", "1995-02-02"))
                .expectError("identify_patient", "patient-not-found")
                .calls(
                        "register_patient",
                        args("firstName", "Jan", "lastName", "Hoffmann", "dateOfBirth", "1995-02-02"))
                .calls("find_free_slots", args("treatment", "fuellung", "from", "2026-11-25", "preferredTime", "11:00"))
                // the tools know a new patient: no filling slot is offered at all
                .expectError("find_free_slots", "existing-patients-only")
                .says("Ich habe Sie als neuen Patienten angelegt. Eine Füllung kann ich für neue Patienten leider "
                        + "nicht buchen; zuerst braucht es eine Kontrolle. Soll ich Ihnen eine Kontrolle am Mittwoch "
                        + "um 11 Uhr suchen?")
                .caller("Ja, dann eine Kontrolle.")
                .calls(
                        "find_free_slots",
                        args("treatment", "kontrolle", "from", "2026-11-25", "preferredTime", "11:00"))
                .expectOutput("find_free_slots", "\"slotId\":\"S3\",\"date\":\"2026-11-25\",\"time\":\"11:00\"")
                .says("Eine Kontrolle am Mittwoch um 11 Uhr ist bei Dr. Anna Weber frei. Passt das?")
                .caller("Ja, bitte.")
                .calls("hold_slot", args("slotId", "S3"))
                .says("Kontrolle am Mittwoch, 25. November, um 11:00 Uhr bei Dr. Anna Weber. Buchen?")
                .caller("Ja.")
                .calls("book_appointment", args("slotId", "S3"))
                .says("Gebucht. Bitte bringen Sie Ihre Versichertenkarte mit.")
                .expect(
                        registered("Jan", "Hoffmann", "1995-02-02", null, "de"),
                        booked("Hoffmann", "kontrolle", "2026-11-25 11:00", "Weber"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Kontrolle, 2026-11-25 11:00"),
                        noHolds())
                .offline(
                        "the caller names no day; the scripted model proposes Wednesday at 11 itself, the engine "
                                + "registers, says up front that fillings are for known patients and proposes the "
                                + "next free check-up: today at 11:00",
                        registered("Jan", "Hoffmann", "1995-02-02", null, "de"),
                        booked("Hoffmann", "kontrolle", "2026-11-23 11:00", "Weber"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Kontrolle, 2026-11-23 11:00"),
                        noHolds())
                .build();
    }

    static Scenario changesTheDayAfterTheReadBack() {
        return Scenario.de("Anrufer ändert nach der Bestätigungsfrage den Tag")
                .caller("Mustermann, geboren am 14.5.1980. Ich möchte einen Kontrolltermin.")
                .calls("identify_patient", args("lastName", "Mustermann", "dateOfBirth", "1980-05-14"))
                .says("Danke, Herr Mustermann. Wann passt es Ihnen?")
                .caller("Nächsten Dienstag um halb zehn.")
                .calls(
                        "find_free_slots",
                        args("treatment", "kontrolle", "from", "2026-11-24", "preferredTime", "09:30"))
                .says("Am Dienstag um 9:30 Uhr ist bei Dr. Anna Weber frei. Passt das?")
                .caller("Ja, um halb zehn bei Dr. Weber.")
                .calls("hold_slot", args("slotId", "S2"))
                .says("Kontrolle am Dienstag, 24. November, um 9:30 Uhr bei Dr. Anna Weber. Soll ich das buchen?")
                .caller("Ach nein, doch lieber Mittwoch um 14 Uhr.")
                .calls(
                        "find_free_slots",
                        args("treatment", "kontrolle", "from", "2026-11-25", "preferredTime", "14:00"))
                .expectOutput("find_free_slots", "\"slotId\":\"S6\",\"date\":\"2026-11-25\",\"time\":\"14:00\"")
                .says("Am Mittwoch um 14 Uhr ist bei Dr. Anna Weber frei. Passt das?")
                .caller("Ja, um 14 Uhr bei Dr. Weber ist besser.")
                .calls("hold_slot", args("slotId", "S6"))
                .says("Kontrolle am Mittwoch, 25. November, um 14:00 Uhr bei Dr. Anna Weber. Soll ich das buchen?")
                .caller("Ja, bitte.")
                .calls("book_appointment", args("slotId", "S6"))
                .says("Ihr Termin am Mittwoch ist gebucht.")
                .expect(
                        booked("Mustermann", "kontrolle", "2026-11-25 14:00", "Weber"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Kontrolle, 2026-11-25 14:00"),
                        noHolds())
                .build();
    }

    static Scenario decidesNotToBookAfterAll() {
        return Scenario.de("Anruferin überlegt es sich anders und bucht nichts")
                .caller("Wagner, 19.7.1968. Ich hätte gern einen Beratungstermin.")
                .calls("identify_patient", args("lastName", "Wagner", "dateOfBirth", "1968-07-19"))
                .says("Danke, Frau Wagner. Wann passt es Ihnen?")
                .caller("Morgen um elf.")
                .calls("find_free_slots", args("treatment", "beratung", "from", "2026-11-24", "preferredTime", "11:00"))
                .says("Morgen um 11 Uhr ist bei Dr. Anna Weber frei. Passt das?")
                .caller("Ja, um elf bei Dr. Weber.")
                .calls("hold_slot", args("slotId", "S3"))
                .says("Beratung am Dienstag, 24. November, um 11:00 Uhr bei Dr. Anna Weber. Soll ich das buchen?")
                .caller("Nein, ich überlege es mir noch einmal und melde mich wieder.")
                .says("Natürlich, Frau Wagner. Rufen Sie einfach wieder an. Auf Wiederhören!")
                .expect(nothingChanged(), noOutcome(), callerIs("Wagner"))
                .build();
    }

    static Scenario englishExistingPatientBooksACheckUp() {
        return Scenario.en("An existing patient books a check-up")
                .caller("Hello, I'd like to book a check-up.")
                .says("Of course. May I have your last name and date of birth?")
                .caller("Smith, born on 23 January 1990.")
                .calls("identify_patient", args("lastName", "Smith", "dateOfBirth", "1990-01-23"))
                .expectOutput("identify_patient", "John Smith")
                .says("Thank you, Mr Smith. When would suit you?")
                .caller("Wednesday at 2 pm.")
                .calls(
                        "find_free_slots",
                        args("treatment", "kontrolle", "from", "2026-11-25", "preferredTime", "14:00"))
                .expectOutput("find_free_slots", "\"slotId\":\"S2\",\"date\":\"2026-11-25\",\"time\":\"14:00\"")
                .says("Dr. Anna Weber is free on Wednesday at 2 pm. Does that work?")
                .caller("Yes, 2 pm with Dr. Weber, please.")
                .calls("hold_slot", args("slotId", "S2"))
                .expectOutput("hold_slot", "Check-up on Wednesday, 25 November, at 2:00 pm with Dr. Anna Weber")
                .says("Check-up on Wednesday, 25 November at 2:00 pm with Dr. Anna Weber. Shall I book it?")
                .caller("Yes.")
                .calls("book_appointment", args("slotId", "S2"))
                .says("You're booked. See you on Wednesday!")
                .expect(
                        booked("Smith", "kontrolle", "2026-11-25 14:00", "Weber"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Check-up, 2026-11-25 14:00"),
                        callerIs("Smith"))
                .build();
    }

    static Scenario englishNewPatientBooksAConsultation() {
        return Scenario.en("A new patient registers and books a consultation")
                .caller("Hi, I'm new here. My name is Emma Brown, born on 12 June 1988.")
                .calls("identify_patient", args("lastName", "Brown", "dateOfBirth", "1988-06-12"))
                .expectError("identify_patient", "patient-not-found")
                .calls("register_patient", args("firstName", "Emma", "lastName", "Brown", "dateOfBirth", "1988-06-12"))
                .says("Welcome, Ms Brown, I've registered you. How can I help?")
                .caller("I'd like a consultation, on Friday as early as possible.")
                .calls("find_free_slots", args("treatment", "beratung", "from", "2026-11-27"))
                .expectOutput("find_free_slots", "\"slotId\":\"S1\",\"date\":\"2026-11-27\",\"time\":\"08:00\"")
                .says("Dr. Anna Weber is free on Friday at 8 am. Would that suit you?")
                .caller("Yes, 8 am with Dr. Weber is fine.")
                .calls("hold_slot", args("slotId", "S1"))
                .says("Consultation on Friday, 27 November at 8:00 am with Dr. Anna Weber. Shall I book it?")
                .caller("Yes, please.")
                .calls("book_appointment", args("slotId", "S1"))
                .says("Done. Please bring your insurance card.")
                .expect(
                        registered("Emma", "Brown", "1988-06-12", null, "en"),
                        booked("Brown", "beratung", "2026-11-27 08:00", "Weber"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Consultation, 2026-11-27 08:00"),
                        callerIs("Brown"))
                .build();
    }

    static Scenario englishChangesTheTreatment() {
        return Scenario.en("The caller switches from a check-up to a cleaning mid-booking")
                .caller("Smith, 23 January 1990. I need a check-up tomorrow morning.")
                .calls("identify_patient", args("lastName", "Smith", "dateOfBirth", "1990-01-23"))
                .calls("find_free_slots", args("treatment", "kontrolle", "from", "2026-11-24", "partOfDay", "MORNING"))
                .says("Thank you, Mr Smith. Tomorrow at 8 am with Dr. Anna Weber is free. Does that work?")
                .caller("Actually, make it a professional cleaning instead, tomorrow morning.")
                .calls("find_free_slots", args("treatment", "pzr", "from", "2026-11-24", "partOfDay", "MORNING"))
                .expectOutput("find_free_slots", "\"slotId\":\"S5\",\"date\":\"2026-11-24\",\"time\":\"08:00\"")
                .says("A professional cleaning tomorrow at 8 am with Maria Klein is free. Shall I take that?")
                .caller("Yes, 8 am with Maria Klein, please.")
                .calls("hold_slot", args("slotId", "S5"))
                .says("Professional teeth cleaning on Tuesday, 24 November at 8:00 am with Maria Klein. Correct?")
                .caller("Correct.")
                .calls("book_appointment", args("slotId", "S5"))
                .says("It's booked.")
                .expect(
                        booked("Smith", "pzr", "2026-11-24 08:00", "Klein"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Professional teeth cleaning, 2026-11-24 08:00"))
                .build();
    }
}
