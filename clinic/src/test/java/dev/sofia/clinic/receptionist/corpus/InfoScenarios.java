package dev.sofia.clinic.receptionist.corpus;

import static dev.sofia.clinic.receptionist.corpus.Expect.booked;
import static dev.sofia.clinic.receptionist.corpus.Expect.callback;
import static dev.sofia.clinic.receptionist.corpus.Expect.handover;
import static dev.sofia.clinic.receptionist.corpus.Expect.noOutcome;
import static dev.sofia.clinic.receptionist.corpus.Expect.nothingChanged;
import static dev.sofia.clinic.receptionist.corpus.Expect.outcome;
import static dev.sofia.clinic.receptionist.corpus.Expect.transferred;
import static dev.sofia.clinic.receptionist.corpus.Scenario.args;

import dev.sofia.clinic.calls.CallOutcome;
import java.util.List;

/**
 * Questions about the practice (from its settings and texts only, no prices, no medical advice),
 * transfers to the team, and messages when the practice is closed.
 */
final class InfoScenarios {

    private InfoScenarios() {}

    static List<Scenario> all() {
        return List.of(
                openingHours(),
                parkingAndInsurance(),
                englishPricesAreNotQuoted(),
                englishAddress(),
                medicalQuestionGetsNoDiagnosis(),
                wantsAPersonOnTheWeb(),
                englishFrontDeskByPhone(),
                noTransferLineConfiguredLeavesAMessage(),
                afterHoursMessageByPhone(),
                englishWeekendMessageWithANumber(),
                lateEveningBookingStillWorks());
    }

    static Scenario openingHours() {
        return Scenario.de("Öffnungszeiten")
                .caller("Wann haben Sie geöffnet?")
                .calls("practice_info", args("topic", "HOURS"))
                .expectOutput("practice_info", "Freitag 8:00 Uhr–14:00 Uhr")
                .says("Montag bis Donnerstag von 8 bis 18 Uhr, freitags von 8 bis 14 Uhr.")
                .expect(nothingChanged(), outcome(CallOutcome.INFO, "Auskunft: hours"))
                .build();
    }

    static Scenario parkingAndInsurance() {
        return Scenario.de("Parkplätze und Versicherung in einer Frage")
                .caller("Kann man bei Ihnen parken, und nehmen Sie auch Privatpatienten?")
                .calls("practice_info", args("topic", "PARKING"))
                .alsoCalls("practice_info", args("topic", "INSURANCE"))
                .expectOutput("practice_info", "Tiefgarage am Markt")
                .expectOutput("practice_info", "gesetzlich und privat")
                .says("Im Hof gibt es drei Parkplätze, sonst die Tiefgarage am Markt. Wir behandeln gesetzlich und "
                        + "privat Versicherte.")
                .expect(nothingChanged(), outcome(CallOutcome.INFO))
                .build();
    }

    static Scenario englishPricesAreNotQuoted() {
        return Scenario.en("Prices are not quoted")
                .caller("How much does a professional cleaning cost?")
                .calls("practice_info", args("topic", "PRICES"))
                .expectOutput("practice_info", "Sofia gives no prices")
                .says("Costs depend on the findings, and the practice explains them at your appointment. "
                        + "Would you like to book a cleaning?")
                .caller("No, thanks.")
                .says("All right. Goodbye!")
                .expect(nothingChanged(), outcome(CallOutcome.INFO, "Auskunft: prices"))
                .build();
    }

    static Scenario englishAddress() {
        return Scenario.en("The address")
                .caller("Where exactly is the practice?")
                .calls("practice_info", args("topic", "ADDRESS"))
                .expectOutput("practice_info", "Friedrichstraße 123, 10117 Berlin")
                .says("We're at Friedrichstraße 123 in Berlin.")
                .expect(nothingChanged(), outcome(CallOutcome.INFO, "Auskunft: address"))
                .build();
    }

    static Scenario medicalQuestionGetsNoDiagnosis() {
        return Scenario.de("Medizinische Frage: keine Diagnose, Angebot einer Kontrolle")
                .caller("Ist es normal, dass mein Zahnfleisch beim Putzen ein bisschen blutet?")
                .says("Das kann ich leider nicht beurteilen; das sollte sich eine Zahnärztin ansehen. Möchten Sie "
                        + "einen Kontrolltermin?")
                .caller("Nein, danke, ich melde mich später.")
                .says("Gern. Auf Wiederhören!")
                .expect(nothingChanged(), noOutcome())
                .offline(
                        "free-form medical questions are beyond a rule-based engine: it must not book or diagnose; "
                                + "offering a message or the team is fine",
                        Expect.noCalendarChange())
                .build();
    }

    static Scenario wantsAPersonOnTheWeb() {
        return Scenario.de("Möchte mit einem Menschen sprechen (Web): Übergabe an das Team")
                .caller("Ich möchte bitte mit jemandem vom Empfang sprechen, es geht um meine Rechnung.")
                .saysAndCalls(
                        "Gern, ich gebe das an unser Praxisteam weiter; es meldet sich bei Ihnen.",
                        "transfer_to_staff",
                        args("line", "MAIN", "reason", "Frage zur Rechnung"))
                .expectOutput("transfer_to_staff", "\"result\":\"handover-requested\"")
                .expect(
                        handover("Rechnung"),
                        outcome(CallOutcome.TRANSFERRED, "Übergabe an das Team (main): Frage zur Rechnung"))
                .build();
    }

    static Scenario englishFrontDeskByPhone() {
        return Scenario.en("Asks for the front desk by phone: put through")
                .phone("+4917634567890")
                .setup(Setup.transferTargets())
                .caller("Can I speak to someone at the front desk, please?")
                .saysAndCalls(
                        "Of course, I'm putting you through to the front desk now.",
                        "transfer_to_staff",
                        args("line", "MAIN", "reason", "caller asked for the front desk"))
                .expectOutput("transfer_to_staff", "\"result\":\"transferred\"")
                .expect(
                        transferred("main"),
                        outcome(CallOutcome.TRANSFERRED, "Weitergeleitet an Empfang: caller asked for the front desk"))
                .offline(
                        "the engine writes the team's reason in its own German words",
                        transferred("main"),
                        outcome(
                                CallOutcome.TRANSFERRED,
                                "Weitergeleitet an Empfang: möchte mit dem Praxisteam sprechen"))
                .build();
    }

    static Scenario noTransferLineConfiguredLeavesAMessage() {
        return Scenario.de("Keine Weiterleitung eingerichtet: Rückrufbitte statt Durchstellen")
                .phone("+4930123456789")
                .caller("Können Sie mich bitte mit der Praxis verbinden? Ich möchte mit Frau Dr. Weber sprechen.")
                .calls("transfer_to_staff", args("line", "MAIN", "reason", "möchte Dr. Weber sprechen"))
                .expectError("transfer_to_staff", "transfer target")
                .says("Ich kann Sie gerade leider nicht verbinden. Soll die Praxis Sie zurückrufen?")
                .caller("Ja, bitte einen Rückruf. Lukas Becker ist mein Name.")
                .calls("take_message", args("reason", "möchte Dr. Weber sprechen", "callerName", "Lukas Becker"))
                .expectOutput("take_message", "the team will call back")
                .says("Danke, Herr Becker. Die Praxis ruft Sie unter Ihrer Nummer zurück.")
                .expect(
                        callback("+4930123456789", "Dr. Weber"),
                        outcome(CallOutcome.MESSAGE, "Rückrufbitte: möchte Dr. Weber sprechen"))
                .build();
    }

    static Scenario afterHoursMessageByPhone() {
        return Scenario.de("Nach Praxisschluss: Rückrufbitte mit der Nummer des Anrufers")
                .phone("+4930123456789")
                .setup(Setup.clockAt("2026-11-23 19:30"))
                .caller("Guten Abend, ich habe eine Frage zu meiner Rechnung. Kann mich jemand zurückrufen?")
                .says("Die Praxis ist gerade geschlossen. Ich nehme gern eine Rückrufbitte auf. Wie ist Ihr Name?")
                .caller("Lukas Becker.")
                .calls("take_message", args("reason", "Frage zur Rechnung", "callerName", "Lukas Becker"))
                .expectOutput("take_message", "the team will call back")
                .says("Danke, Herr Becker. Das Team ruft Sie morgen unter Ihrer Nummer zurück.")
                .expect(
                        callback("+4930123456789", "Rechnung"),
                        outcome(CallOutcome.MESSAGE, "Rückrufbitte: Frage zur Rechnung"))
                .build();
    }

    static Scenario englishWeekendMessageWithANumber() {
        return Scenario.en("Saturday on the web: a message with the number the caller gives")
                .setup(Setup.clockAt("2026-11-28 11:00"))
                .caller("Hi, is anyone there today? I have a question about my treatment plan.")
                .says("The practice is closed at the weekend. I can take a message and the team will call you back. "
                        + "What's your name and number?")
                .caller("Sarah Jones, 0151 2345 6789.")
                .calls(
                        "take_message",
                        args(
                                "reason", "question about her treatment plan",
                                "callerName", "Sarah Jones",
                                "phone", "0151 2345 6789"))
                .expectOutput("take_message", "the team will call back")
                .says("Thank you, Sarah. The team will call you back on Monday.")
                .expect(
                        callback("+4915123456789", "treatment plan"),
                        outcome(CallOutcome.MESSAGE, "Rückrufbitte: question about her treatment plan"))
                .offline(
                        "the engine offers the team or a call-back and writes the reason in its own German words",
                        callback("+4915123456789", "Behandlungsplan"),
                        outcome(CallOutcome.MESSAGE, "Rückrufbitte: Frage zum Behandlungsplan"))
                .build();
    }

    static Scenario lateEveningBookingStillWorks() {
        return Scenario.de("Spätabends gebucht: Sofia bucht auch außerhalb der Öffnungszeiten")
                .setup(Setup.clockAt("2026-11-23 22:15"))
                .caller("Guten Abend, Wagner, 19.7.1968. Haben Sie Mittwoch um 14 Uhr eine Kontrolle frei?")
                .calls("identify_patient", args("lastName", "Wagner", "dateOfBirth", "1968-07-19"))
                .calls(
                        "find_free_slots",
                        args("treatment", "kontrolle", "from", "2026-11-25", "preferredTime", "14:00"))
                .says("Ja, am Mittwoch um 14 Uhr bei Dr. Anna Weber. Passt das?")
                .caller("Ja, um 14 Uhr bei Dr. Weber.")
                .calls("hold_slot", args("slotId", "S2"))
                .says("Kontrolle am Mittwoch, 25. November, um 14:00 Uhr bei Dr. Anna Weber. Buchen?")
                .caller("Ja, bitte.")
                .calls("book_appointment", args("slotId", "S2"))
                .says("Gebucht. Gute Nacht!")
                .expect(
                        booked("Wagner", "kontrolle", "2026-11-25 14:00", "Weber"),
                        outcome(CallOutcome.BOOKED, "Termin gebucht: Kontrolle, 2026-11-25 14:00"))
                .build();
    }
}
