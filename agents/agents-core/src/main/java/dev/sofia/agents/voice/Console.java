package dev.sofia.agents.voice;

import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.tts.TextOnlyTts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;

/**
 * A text chat with an agent in a terminal: no audio, no LiveKit — the real session with its model
 * and tools, the caller typing. Each line is a turn; the agent's reply is printed sentence by
 * sentence as it is written; an empty line or end of input quits. Backs {@code sofia console}.
 */
public final class Console {

    private final Agent agent;
    private final Llm llm;
    private final AgentSessionOptions options;

    public Console(Agent agent, Llm llm, AgentSessionOptions options) {
        this.agent = agent;
        this.llm = llm;
        this.options = options;
    }

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(60);

    private static void awaitListening(AgentSession session) throws InterruptedException {
        long deadline = System.nanoTime() + REPLY_TIMEOUT.toNanos();
        while (session.state() != AgentState.LISTENING && !session.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** Waits until the session has taken the typed turn up (it leaves LISTENING), briefly. */
    private static void awaitTurnTaken(AgentSession session) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (session.state() == AgentState.LISTENING && !session.isClosed() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    /** Runs the chat until the input ends, an empty line is entered, or the agent ends the call. */
    public SessionEvent.CloseReason run(BufferedReader in, PrintStream out) throws IOException, InterruptedException {
        AgentSession session = AgentSession.builder()
                .llm(llm)
                .tts(new TextOnlyTts())
                .options(options)
                .build();
        Object printLock = new Object();
        TranscriptOutput printer = new TranscriptOutput() {
            @Override
            public void userTranscript(String text, boolean isFinal) {}

            @Override
            public void agentTranscript(String replyId, String delta, boolean isFinal) {
                synchronized (printLock) {
                    if (!delta.isBlank()) {
                        out.print(delta);
                    }
                    if (isFinal) {
                        out.println();
                        out.print("> ");
                    }
                    out.flush();
                }
            }
        };
        session.start(agent, SessionIo.textOnly(printer));
        synchronized (printLock) {
            if (agent.greeting() == null) {
                out.print("> ");
                out.flush();
            }
        }
        try {
            for (String line = in.readLine();
                    line != null && !line.isBlank() && !session.isClosed();
                    line = in.readLine()) {
                // a chat takes turns: the agent finishes its reply (or greeting) before the next line goes in
                awaitListening(session);
                session.sendText(line.strip());
                awaitTurnTaken(session);
            }
            awaitListening(session);
        } finally {
            session.close();
        }
        return session.awaitClosed(Duration.ofSeconds(5))
                .map(SessionEvent.Closed::reason)
                .orElse(SessionEvent.CloseReason.CLOSED);
    }
}
