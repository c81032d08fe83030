package dev.sofia.clinic.receptionist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.voice.SessionEvent;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** {@code sofia console}: a typed chat with Sofia (the embedded default, offline) that really books. */
class ReceptionistConsoleIntegrationTests extends ReceptionistTestBase {

    @Autowired
    ApplicationContext context;

    @Test
    void aTypedChatBooksACheckUpAndEndsWithTheGoodbye() throws Exception {
        String typed = """
                Ich möchte einen Termin zur Kontrolle.
                Mustermann, geboren am 14.5.1980.
                Nächsten Dienstag um halb zehn.
                Ja, um halb zehn bei Dr. Weber.
                Ja, bitte buchen.
                Nein danke, das war alles.
                """;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        SessionEvent.CloseReason reason = ReceptionistConsole.run(
                context,
                "de",
                new BufferedReader(new StringReader(typed)),
                new PrintStream(printed, true, StandardCharsets.UTF_8));

        String chat = printed.toString(StandardCharsets.UTF_8);
        assertThat(chat)
                .startsWith("Sofia (llm=offline, stt=none, tts=espeak).")
                .contains("Wie kann ich Ihnen helfen?")
                .contains("Kontrolle am Dienstag, 24. November, um 9:30 Uhr bei Dr. Anna Weber")
                .contains("gebucht")
                .contains("Auf Wiederhören");
        assertThat(reason).isEqualTo(SessionEvent.CloseReason.ENDED_BY_AGENT);
        assertThat(callAppointmentsOf("Mustermann")).singleElement().satisfies(row -> {
            assertThat(row.get("code")).isEqualTo("kontrolle");
            assertThat(row.get("source")).isEqualTo("web");
        });
    }
}
