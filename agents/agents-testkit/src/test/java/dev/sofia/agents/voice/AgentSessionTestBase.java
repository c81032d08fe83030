package dev.sofia.agents.voice;

import dev.sofia.agents.testkit.FakeLlm;
import dev.sofia.agents.testkit.FakeStt;
import dev.sofia.agents.testkit.FakeTts;
import dev.sofia.agents.testkit.FakeVad;
import dev.sofia.agents.testkit.RecordingAudioOutput;
import dev.sofia.agents.testkit.ScriptedCaller;
import dev.sofia.agents.tools.Tool;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;

/** What the session tests share: fakes, a real-time caller and speaker, recorded events. */
abstract class AgentSessionTestBase {

    static final int RATE = 16_000;
    static final Duration WAIT = Duration.ofSeconds(10);

    final FakeStt stt = new FakeStt();
    final FakeLlm llm = new FakeLlm();
    final FakeTts tts = new FakeTts(RATE).speed(Duration.ofMillis(20));
    final ScriptedCaller caller = new ScriptedCaller(RATE);
    final RecordingAudioOutput speaker = new RecordingAudioOutput(RATE);
    final List<Timed> events = new CopyOnWriteArrayList<>();
    AgentSession session;

    record Timed(long nanos, SessionEvent event) {}

    public static final class Calendar {
        final List<String> booked = new CopyOnWriteArrayList<>();

        @Tool("Finds free appointment slots on a day.")
        public String findSlots(String day) {
            return "9:00 and 11:30";
        }

        @Tool(value = "Books a slot.", interruptible = false)
        public String book(String time) throws InterruptedException {
            Thread.sleep(800);
            booked.add(time);
            return "booked " + time;
        }

        @Tool(value = "Ends the call after saying goodbye.", afterPlayout = true)
        public String endCall(dev.sofia.agents.tools.ToolContext context) {
            context.get(AgentSession.class).orElseThrow().endCall();
            return "ending";
        }
    }

    /** Collects what the session sends as transcripts. */
    static final class Transcripts implements TranscriptOutput {
        final List<String> agent = new CopyOnWriteArrayList<>();
        final List<String> user = new CopyOnWriteArrayList<>();

        @Override
        public void userTranscript(String text, boolean isFinal) {
            if (isFinal) {
                user.add(text);
            }
        }

        @Override
        public void agentTranscript(String replyId, String delta, boolean isFinal) {
            if (!delta.isEmpty()) {
                agent.add(delta.strip());
            }
        }
    }

    final Transcripts transcripts = new Transcripts();

    AgentSession start(Agent agent, AgentSessionOptions options) {
        session = AgentSession.builder()
                .stt(stt)
                .llm(llm)
                .tts(tts)
                .vad(new FakeVad(Duration.ofMillis(150)))
                .options(options)
                .build();
        session.addListener(e -> events.add(new Timed(System.nanoTime(), e)));
        session.start(agent, new SessionIo(caller, speaker, transcripts));
        return session;
    }

    static AgentSessionOptions fast() {
        return AgentSessionOptions.DEFAULT
                .withEndpointing(Duration.ofMillis(100), Duration.ofMillis(400))
                .withInterruptions(true, Duration.ofMillis(200), 0, Duration.ofMillis(500));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        if (session != null) {
            session.close();
            session.awaitClosed(WAIT);
        }
        caller.close();
        speaker.close();
    }

    Timed await(Predicate<SessionEvent> condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Timed timed : events) {
                if (condition.test(timed.event())) {
                    return timed;
                }
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        throw new AssertionError("no such event within " + WAIT + "; events: " + events);
    }

    static Predicate<SessionEvent> state(AgentState state) {
        return e -> e instanceof SessionEvent.AgentStateChanged c && c.state() == state;
    }
}
