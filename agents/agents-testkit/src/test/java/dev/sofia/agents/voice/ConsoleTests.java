package dev.sofia.agents.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.testkit.FakeLlm;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleTests {

    @Test
    void aTypedChatGetsTheAgentsAnswersPrinted() throws Exception {
        FakeLlm llm = new FakeLlm().answer("Wir haben bis achtzehn Uhr geöffnet.");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PipedOutputStream typing = new PipedOutputStream();
        BufferedReader in =
                new BufferedReader(new InputStreamReader(new PipedInputStream(typing), StandardCharsets.UTF_8));
        Console console = new Console(
                Agent.of("Sie sind Sofia.", List.of()).withGreeting("Praxis am Park, guten Tag!"),
                llm,
                AgentSessionOptions.DEFAULT);
        Thread user = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
                typing.write("Wie lange haben Sie offen?\n".getBytes(StandardCharsets.UTF_8));
                Thread.sleep(500);
                typing.write("\n".getBytes(StandardCharsets.UTF_8));
                typing.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        SessionEvent.CloseReason reason = console.run(in, new PrintStream(printed, true, StandardCharsets.UTF_8));
        user.join();

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(reason).isEqualTo(SessionEvent.CloseReason.CLOSED);
        assertThat(output).contains("Praxis am Park, guten Tag!").contains("Wir haben bis achtzehn Uhr geöffnet.");
        assertThat(output.indexOf("Praxis am Park")).isLessThan(output.indexOf("achtzehn"));
    }
}
