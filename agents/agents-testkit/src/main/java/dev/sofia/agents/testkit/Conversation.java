package dev.sofia.agents.testkit;

import dev.sofia.agents.llm.ChatItem;
import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.tts.TextOnlyTts;
import dev.sofia.agents.voice.Agent;
import dev.sofia.agents.voice.AgentSession;
import dev.sofia.agents.voice.AgentSessionOptions;
import dev.sofia.agents.voice.AgentState;
import dev.sofia.agents.voice.SessionEvent;
import dev.sofia.agents.voice.SessionIo;
import dev.sofia.agents.voice.TranscriptOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A text-mode conversation with an agent, for tests of what it says and which tools it calls: the
 * real {@link AgentSession} with a text-only voice, the caller's turns typed in. Each {@link #run}
 * sends one turn and waits until the agent is done answering; its {@link Turn} lists what the
 * conversation gained, in order, for expectations:
 *
 * <pre>{@code
 * try (Conversation conversation = Conversation.start(agent, llm)) {
 *     Conversation.Turn turn = conversation.run("Kann ich morgen kommen?");
 *     turn.expectNext().isToolCall("find_free_slots").hasArgument("day", "morgen");
 *     turn.expectNext().isToolOutput().contains("9:00");
 *     turn.expectNext().isAssistantMessage().contains("neun Uhr");
 *     turn.expectNoMore();
 * }
 * }</pre>
 */
public final class Conversation implements AutoCloseable {

    private static final Duration TURN_TIMEOUT = Duration.ofSeconds(30);

    private final AgentSession session;
    private final LinkedBlockingQueue<SessionEvent> events = new LinkedBlockingQueue<>();

    private Conversation(AgentSession session) {
        this.session = session;
    }

    /** Starts a text-only session for {@code agent} with this model (a greeting, if any, is the first turn's). */
    public static Conversation start(Agent agent, Llm llm) {
        return start(agent, llm, AgentSessionOptions.DEFAULT);
    }

    public static Conversation start(Agent agent, Llm llm, AgentSessionOptions options) {
        AgentSession session = AgentSession.builder()
                .llm(llm)
                .tts(new TextOnlyTts())
                .options(options)
                .build();
        Conversation conversation = new Conversation(session);
        session.addListener(conversation.events::add);
        session.start(agent, SessionIo.textOnly(TranscriptOutput.NONE));
        return conversation;
    }

    public AgentSession session() {
        return session;
    }

    /** Sends the caller's turn and waits until the agent has answered it (and run its tools). */
    public Turn run(String userText) throws InterruptedException {
        awaitListening(); // e.g. a greeting still being written
        events.clear();
        session.sendText(userText);
        List<ChatItem> items = new ArrayList<>();
        boolean thinking = false;
        long deadline = System.nanoTime() + TURN_TIMEOUT.toNanos();
        while (true) {
            SessionEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError(
                        "the agent did not finish its turn within " + TURN_TIMEOUT + "; so far: " + items);
            }
            switch (event) {
                case SessionEvent.ItemAdded added -> {
                    if (!(added.item() instanceof ChatMessage m && m.role() == ChatRole.USER)) {
                        items.add(added.item());
                    }
                }
                case SessionEvent.AgentStateChanged change -> {
                    if (change.state() == AgentState.THINKING) {
                        thinking = true;
                    } else if (change.state() == AgentState.LISTENING && thinking) {
                        return new Turn(items);
                    }
                }
                case SessionEvent.Closed closed -> {
                    return new Turn(items);
                }
                default -> {}
            }
        }
    }

    private void awaitListening() throws InterruptedException {
        long deadline = System.nanoTime() + TURN_TIMEOUT.toNanos();
        while (session.state() != AgentState.LISTENING && !session.isClosed() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    @Override
    public void close() throws InterruptedException {
        session.close();
        session.awaitClosed(Duration.ofSeconds(5));
    }

    /** What one turn added to the conversation (besides the caller's message), in order. */
    public static final class Turn {
        private final List<ChatItem> items;
        private int next;

        Turn(List<ChatItem> items) {
            this.items = List.copyOf(items);
        }

        public List<ChatItem> items() {
            return items;
        }

        /** The next item; fails if there is none. */
        public ItemExpectation expectNext() {
            if (next >= items.size()) {
                throw new AssertionError(
                        "expected another item after " + items.subList(0, next) + ", but the turn ended");
            }
            return new ItemExpectation(items.get(next++));
        }

        /** Fails if the turn added more items than were expected so far. */
        public void expectNoMore() {
            if (next < items.size()) {
                throw new AssertionError("expected no more items, but got " + items.subList(next, items.size()));
            }
        }
    }
}
