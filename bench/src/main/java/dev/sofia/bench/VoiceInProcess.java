package dev.sofia.bench;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.testkit.RecordingAudioOutput;
import dev.sofia.agents.voice.AgentSession;
import dev.sofia.agents.voice.AudioInput;
import dev.sofia.agents.voice.SessionIo;
import dev.sofia.agents.voice.TranscriptOutput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * Sofia's sessions in this JVM, without LiveKit: the caller is an {@link AudioInput} that plays its
 * utterances as 16 kHz 10 ms frames at absolute 10 ms deadlines (silence between them), and the
 * agent's voice goes to the testkit's {@link RecordingAudioOutput}, which plays in real time and
 * notes its first audible frame.
 */
final class VoiceInProcess {

    private VoiceInProcess() {}

    /**
     * {@code sessions} conversations at once, their turns spread evenly over the period, {@code
     * turns} counted turns in all (after {@code warmup} per session).
     */
    static VoiceTurns.Outcome run(
            VoiceProviders providers,
            List<VoiceSpeech.Utterance> utterances,
            int sessions,
            int warmup,
            int turns,
            Duration period)
            throws InterruptedException {
        VoiceSofiaSession.Providers p = VoiceSofiaSession.providers(providers.metadata());
        VoiceTurns.Outcome outcome = VoiceTurns.Outcome.empty();
        List<Thread> callers = new ArrayList<>();
        List<AutoCloseable> open = new ArrayList<>();
        long start = System.nanoTime() + 1_000_000_000L;
        for (int i = 0; i < sessions; i++) {
            Caller caller = new Caller(new RecordingAudioOutput(p.tts().sampleRate()));
            AgentSession session = VoiceSofiaSession.session(p);
            session.start(VoiceSofiaSession.agent(), new SessionIo(caller, caller.output, TranscriptOutput.NONE));
            open.add(session);
            open.add(caller);
            int share = turns / sessions + (i < turns % sessions ? 1 : 0);
            Duration phase = period.multipliedBy(i).dividedBy(sessions);
            callers.add(Thread.ofPlatform().name("in-process-caller-" + i).start(() -> {
                try {
                    VoiceTurns.run(caller, utterances, warmup, share, start, phase, period, outcome);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : callers) {
            t.join();
        }
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // closing anyway
            }
        }
        return outcome;
    }

    /** The caller as the session's input; the agent's audio through the recording output. */
    static final class Caller extends VoiceLine implements AudioInput, AutoCloseable {

        static final int RATE = 16_000;

        final RecordingAudioOutput output;
        private final LinkedBlockingQueue<AudioFrame> delivered = new LinkedBlockingQueue<>();
        private final LinkedBlockingQueue<List<AudioFrame>> script = new LinkedBlockingQueue<>();
        private final Thread clock;
        private volatile boolean hungUp;

        Caller(RecordingAudioOutput output) {
            this.output = output;
            this.clock = Thread.ofPlatform().daemon().name("in-process-mouth").start(this::tick);
        }

        @Override
        protected void send(VoiceSpeech.Utterance utterance) {
            output.resetMarks();
            script.add(utterance.frames());
        }

        @Override
        long firstAgentAudioNanos() {
            return output.firstAudibleNanos();
        }

        @Override
        long lastAgentAudioNanos() {
            return output.lastAudibleNanos();
        }

        @Override
        public @Nullable AudioFrame read() throws InterruptedException {
            while (!hungUp) {
                AudioFrame frame = delivered.poll(20, TimeUnit.MILLISECONDS);
                if (frame != null) {
                    return frame;
                }
            }
            return null;
        }

        @Override
        public int sampleRate() {
            return RATE;
        }

        @Override
        public int channels() {
            return 1;
        }

        @Override
        public void close() {
            hungUp = true;
            clock.interrupt();
            output.close();
        }

        private void tick() {
            AudioFrame silence = AudioFrame.silence10ms(RATE, 1);
            List<AudioFrame> speaking = List.of();
            int next = 0;
            long deadline = System.nanoTime();
            while (!hungUp) {
                if (next >= speaking.size()) {
                    List<AudioFrame> queued = script.poll();
                    speaking = queued == null ? List.of() : queued;
                    next = 0;
                }
                if (next < speaking.size()) {
                    delivered.add(speaking.get(next++));
                    if (next == speaking.size()) {
                        speechEnded();
                    }
                } else {
                    delivered.add(silence);
                }
                deadline += 10_000_000L;
                long wait = deadline - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
            }
        }
    }
}
