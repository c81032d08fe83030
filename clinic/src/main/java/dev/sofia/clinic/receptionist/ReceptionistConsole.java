package dev.sofia.clinic.receptionist;

import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.voice.AgentSessionOptions;
import dev.sofia.agents.voice.Console;
import dev.sofia.agents.voice.SessionEvent;
import dev.sofia.clinic.receptionist.providers.ReceptionistProviders;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import org.springframework.context.ApplicationContext;

/**
 * {@code sofia console}: a text chat with Sofia in the terminal — her real instructions, tools and
 * model (as configured; the offline engine without keys) against the practice's database; no audio,
 * no LiveKit call. What she books is really booked (source web).
 */
public final class ReceptionistConsole {

    private ReceptionistConsole() {}

    /** Chats until the input ends or Sofia ends the call; returns how it ended. */
    public static SessionEvent.CloseReason run(
            ApplicationContext context, String language, BufferedReader in, PrintStream out)
            throws IOException, InterruptedException {
        ReceptionistAgent receptionist = context.getBean(ReceptionistAgent.class);
        ReceptionistProviders providers = context.getBean(ReceptionistProviders.class);
        ReceptionistCall call = new ReceptionistCall(null, "console", ReceptionistCall.Channel.CONSOLE, null, language);
        out.println("Sofia (" + providers.describe() + "). An empty line ends the chat.");
        Llm llm = providers.llm(call);
        try {
            return new Console(
                            receptionist.forCall(call), llm, AgentSessionOptions.DEFAULT.withLanguage(call.language()))
                    .run(in, out);
        } finally {
            ReceptionistProviders.release(llm);
        }
    }
}
