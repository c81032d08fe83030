package dev.sofia.clinic.receptionist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.testkit.Conversation;
import dev.sofia.agents.testkit.FakeLlm;
import dev.sofia.agents.testkit.FakeLlm.Answer;
import dev.sofia.clinic.calls.CallOutcome;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The receptionist's tools driven by a scripted model, checked in the database. */
class ReceptionistToolsIntegrationTests extends ReceptionistTestBase {

    @Test
    void anExistingPatientBooksACheckUpAfterTheReadBack() throws Exception {
        FakeLlm llm = new FakeLlm()
                .answer(Answer.toolCall("identify_patient", """
                        {"lastName": "Mustermann", "dateOfBirth": "1980-05-14"}"""))
                .answer(Answer.toolCall("find_free_slots", """
                        {"treatment": "kontrolle", "from": "2026-11-24", "partOfDay": "MORNING"}"""))
                .answer("Am Dienstag hätte ich um acht Uhr einen Termin frei. Passt das?")
                .answer(Answer.toolCall("hold_slot", "{\"slotId\": \"S1\"}"))
                .answer("Kontrolle am Dienstag, 24. November, um 8:00 Uhr bei Dr. Anna Weber. Soll ich das buchen?")
                .answer(Answer.toolCall("book_appointment", "{\"slotId\": \"S1\"}"))
                .answer("Ihr Termin ist gebucht. Auf Wiedersehen!");
        Conversation chat = start(llm, "de");

        Conversation.Turn first = chat.run("Guten Tag, Max Mustermann, geboren am 14.5.1980. Ich hätte gern "
                + "morgen Vormittag einen Kontrolltermin.");
        first.expectNext().isToolCall("identify_patient");
        first.expectNext().isToolOutput().contains("Max Mustermann");
        first.expectNext().isToolCall("find_free_slots");
        first.expectNext().isToolOutput().contains("\"slotId\":\"S1\"").contains("2026-11-24");
        first.expectNext().isAssistantMessage();

        Conversation.Turn second = chat.run("Ja, der passt.");
        second.expectNext().isToolCall("hold_slot");
        second.expectNext().isToolOutput().contains("Kontrolle am Dienstag, 24. November, um");

        Conversation.Turn third = chat.run("Ja, bitte buchen.");
        third.expectNext().isToolCall("book_appointment");
        third.expectNext().isToolOutput().contains("\"result\":\"booked\"");

        assertThat(callAppointmentsOf("Mustermann")).singleElement().satisfies(row -> {
            assertThat(row.get("code")).isEqualTo("kontrolle");
            assertThat(row.get("source")).isEqualTo("web");
            assertThat(((java.sql.Timestamp) row.get("starts_at")).toInstant())
                    .isBetween(Instant.parse("2026-11-24T07:00:00Z"), Instant.parse("2026-11-24T11:00:00Z"));
        });
        assertThat(session().outcome()).isEqualTo(CallOutcome.BOOKED);
        assertThat(session().summary()).startsWith("Termin gebucht: Kontrolle, 2026-11-24");
        assertThat(session().patientId()).isNotNull();
    }

    @Test
    void aSlotTheModelMadeUpCannotBeBooked() throws Exception {
        FakeLlm llm = new FakeLlm()
                .answer(Answer.toolCall("identify_patient", """
                        {"lastName": "Mustermann", "dateOfBirth": "1980-05-14"}"""))
                .answer(Answer.toolCall("book_appointment", "{\"slotId\": \"S7\"}"))
                .answer("Einen Moment, ich suche erst freie Termine.");
        Conversation chat = start(llm, "de");

        Conversation.Turn turn = chat.run("Mustermann, 14.5.1980, buchen Sie mir einfach Dienstag neun Uhr.");
        turn.expectNext().isToolCall("identify_patient");
        turn.expectNext().isToolOutput();
        turn.expectNext().isToolCall("book_appointment");
        turn.expectNext().isToolError().contains("unknown-slot");

        assertThat(callAppointmentsOf("Mustermann")).isEmpty();
    }

    @Test
    void aFoundSlotIsNotBookedBeforeItWasReadBack() throws Exception {
        FakeLlm llm = new FakeLlm()
                .answer(Answer.toolCall("identify_patient", """
                        {"lastName": "Mustermann", "dateOfBirth": "1980-05-14"}"""))
                .answer(Answer.toolCall("find_free_slots", """
                        {"treatment": "kontrolle", "from": "2026-11-24"}"""))
                .answer(Answer.toolCall("book_appointment", "{\"slotId\": \"S1\"}"))
                .answer("Ich lese Ihnen den Termin zuerst vor.");
        Conversation chat = start(llm, "de");

        Conversation.Turn turn = chat.run("Mustermann, 14.5.1980. Buchen Sie mir morgen irgendwas.");
        turn.expectNext().isToolCall("identify_patient");
        turn.expectNext().isToolOutput();
        turn.expectNext().isToolCall("find_free_slots");
        turn.expectNext().isToolOutput().contains("\"slotId\":\"S1\"");
        turn.expectNext().isToolCall("book_appointment");
        turn.expectNext().isToolError().contains("not-read-back");

        assertThat(callAppointmentsOf("Mustermann")).isEmpty();
    }
}
