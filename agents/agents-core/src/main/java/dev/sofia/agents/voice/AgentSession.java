package dev.sofia.agents.voice;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.llm.ChatContext;
import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.stt.Stt;
import dev.sofia.agents.stt.SttStream;
import dev.sofia.agents.tts.Tts;
import dev.sofia.agents.vad.Vad;
import dev.sofia.agents.vad.VadEvent;
import dev.sofia.agents.vad.VadStream;
import dev.sofia.agents.voice.SessionEvent.CloseReason;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A voice conversation between a caller and an {@link Agent}: the caller's audio through VAD and
 * speech recognition, turn detection, the model with its tools, speech synthesis, and the agent's
 * audio out — with interruptions, preemptive replies, transcripts, the error policy and per-turn
 * metrics (see {@link AgentSessionOptions}).
 *
 * <p>Threads (all virtual): one reads the caller's audio into the VAD and the recogniser, one reads
 * each of their outputs, and one — the loop — makes every decision; each reply and each tool call
 * runs on its own. Listeners get {@link SessionEvent}s on the loop's thread (or a reader's) and
 * must return quickly.
 *
 * <p>Lifecycle: build, {@link #start}, then {@link #say}, {@link #sendText}, {@link #interrupt},
 * {@link #endCall}; the session ends with {@link #close()}, when the caller's audio ends, when a
 * tool ends the call, when the caller stays silent, or after too many failures — {@link
 * #awaitClosed} waits for that.
 */
public final class AgentSession implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AgentSession.class);

    private final String id = "session_" + UUID.randomUUID().toString().substring(0, 8);
    private final @Nullable Stt stt;
    private final Llm llm;
    private final Tts tts;
    private final @Nullable Vad vad;
    private final AgentSessionOptions options;
    private final Map<Class<?>, Object> services;
    private final List<Consumer<SessionEvent>> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<SessionEvent.Closed> closed = new CompletableFuture<>();
    private volatile @Nullable Agent agent;
    private volatile @Nullable SessionLoop loop;
    private volatile @Nullable SessionIo io;
    private volatile @Nullable SttStream sttStream;
    private volatile @Nullable VadStream vadStream;
    private volatile @Nullable Thread pump;

    private AgentSession(Builder builder) {
        this.stt = builder.stt;
        this.llm = Objects.requireNonNull(builder.llm, "llm");
        this.tts = Objects.requireNonNull(builder.tts, "tts");
        this.vad = builder.vad;
        this.options = builder.options;
        this.services = Map.copyOf(builder.services);
        if (builder.meterRegistry != null) {
            listeners.add(new SessionMeters(builder.meterRegistry));
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts the conversation; the agent greets if it has a greeting. Once per session. */
    public synchronized void start(Agent newAgent, SessionIo newIo) {
        if (loop != null) {
            throw new IllegalStateException("session already started");
        }
        AudioOutput out = newIo.audioOutput();
        if (out.sampleRate() != tts.sampleRate() || out.channels() != tts.channels()) {
            throw new IllegalArgumentException("the audio output takes " + out.sampleRate() + " Hz/" + out.channels()
                    + " ch but " + tts.label() + " speaks " + tts.sampleRate() + " Hz/" + tts.channels() + " ch");
        }
        agent = newAgent;
        io = newIo;
        SessionLoop newLoop = new SessionLoop(this, newIo);
        loop = newLoop;
        out.onPlayout(
                segment -> newLoop.post(new SessionSignal.PlayoutStarted(segment)),
                playout -> newLoop.post(new SessionSignal.PlayoutDone(playout)));
        AudioInput input = newIo.audioInput();
        if (input != null) {
            if (vad == null || stt == null) {
                throw new IllegalArgumentException("a session with audio input needs a VAD and an STT");
            }
            VadStream voice = vad.stream();
            vadStream = voice;
            Thread.ofVirtual().name(id + "-vad").start(() -> readVad(voice, newLoop));
            restartRecognition();
            pump = Thread.ofVirtual().name(id + "-input").start(() -> pumpInput(input, newLoop));
        }
        Thread.ofVirtual().name(id + "-loop").start(newLoop::run);
    }

    public String id() {
        return id;
    }

    /**
     * Speaks a text now (cutting off whatever the agent is saying). The result completes with true
     * once all of it was played to the caller, with false if it was cut off (the caller spoke over
     * it, another {@code say}, the session ended) — e.g. to transfer a call after a notice.
     */
    public CompletableFuture<Boolean> say(String text) {
        CompletableFuture<Boolean> spoken = new CompletableFuture<>();
        SessionLoop running = loop;
        if (running == null || isClosed()) {
            spoken.complete(false);
            return spoken;
        }
        running.post(new SessionSignal.Command(() -> {
            Reply reply = running.speakFixed(text);
            reply.spoken().whenComplete((played, error) -> spoken.complete(error == null && played));
        }));
        closed.thenRun(() -> spoken.complete(false)); // a command posted after the loop ended never runs
        return spoken;
    }

    /** A typed message from the caller ({@code lk.chat}): a complete turn at once. */
    public void sendText(String text) {
        post(new SessionSignal.TextInput(text));
    }

    /** Cuts off what the agent is saying. */
    public void interrupt() {
        post(new SessionSignal.Command(() -> requireLoop().interrupt()));
    }

    /** Ends the call once the agent has finished speaking (for an end-call tool). */
    public void endCall() {
        post(new SessionSignal.Command(() -> requireLoop().endAfterReply(CloseReason.ENDED_BY_AGENT)));
    }

    @Override
    public void close() {
        SessionLoop running = loop;
        if (running == null) {
            closed(CloseReason.CLOSED, "never started");
        } else {
            post(new SessionSignal.Command(() -> running.close(CloseReason.CLOSED, null)));
        }
    }

    /** Waits until the session has ended; the reason, or empty on timeout. */
    public Optional<SessionEvent.Closed> awaitClosed(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(closed.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** A snapshot of the conversation so far. */
    public ChatContext history() {
        SessionLoop running = loop;
        return running == null ? new ChatContext() : running.history().copy();
    }

    public AgentState state() {
        SessionLoop running = loop;
        return running == null ? AgentState.INITIALIZING : running.state();
    }

    public void addListener(Consumer<SessionEvent> listener) {
        listeners.add(listener);
    }

    // ---- for the loop ----

    Agent agent() {
        return Objects.requireNonNull(agent, "not started");
    }

    AgentSessionOptions options() {
        return options;
    }

    Llm llm() {
        return llm;
    }

    Tts tts() {
        return tts;
    }

    <T> Optional<T> service(Class<T> type) {
        if (type == AgentSession.class) {
            return Optional.of(type.cast(this));
        }
        return Optional.ofNullable(services.get(type)).map(type::cast);
    }

    void emit(SessionEvent event) {
        for (Consumer<SessionEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("session {}: listener failed on {}", id, event, e);
            }
        }
    }

    /** (Re)opens the speech recognition stream, e.g. after it failed. */
    void restartRecognition() {
        SessionLoop running = loop;
        Stt recogniser = stt;
        if (running == null || recogniser == null || closed.isDone()) {
            return;
        }
        SttStream old = sttStream;
        SttStream fresh = recogniser.stream(options.language());
        sttStream = fresh;
        if (old != null) {
            old.close();
        }
        Thread.ofVirtual().name(id + "-stt").start(() -> readStt(fresh, running));
    }

    void closed(CloseReason reason, @Nullable String detail) {
        Thread input = pump;
        if (input != null) {
            input.interrupt();
        }
        SttStream recognition = sttStream;
        if (recognition != null) {
            recognition.close();
        }
        VadStream voice = vadStream;
        if (voice != null) {
            voice.close();
        }
        SessionEvent.Closed event = new SessionEvent.Closed(reason, detail);
        if (closed.complete(event)) {
            log.info("session {} closed: {}{}", id, reason, detail == null ? "" : " (" + detail + ")");
            emit(event);
        }
    }

    private void post(SessionSignal signal) {
        requireLoop().post(signal);
    }

    private SessionLoop requireLoop() {
        SessionLoop running = loop;
        if (running == null) {
            throw new IllegalStateException("session not started");
        }
        return running;
    }

    private void pumpInput(AudioInput input, SessionLoop running) {
        try {
            for (AudioFrame frame = input.read(); frame != null; frame = input.read()) {
                VadStream voice = vadStream;
                if (voice != null && !voice.isClosed()) {
                    voice.pushFrame(frame);
                }
                SttStream recognition = sttStream;
                if (recognition != null && !recognition.isClosed()) {
                    try {
                        recognition.pushFrame(frame);
                    } catch (IllegalStateException e) {
                        // replaced by a new stream meanwhile: the next frame goes there
                    }
                }
            }
            running.post(new SessionSignal.InputEnded());
        } catch (InterruptedException e) {
            // session closed
        }
    }

    private void readVad(VadStream voice, SessionLoop running) {
        try {
            for (VadEvent event = voice.next(); event != null; event = voice.next()) {
                running.post(new SessionSignal.Vad(event));
            }
        } catch (InterruptedException e) {
            // session closed
        } catch (ProviderException e) {
            log.warn("session {}: VAD failed: {}", id, e.getMessage());
        }
    }

    private void readStt(SttStream recognition, SessionLoop running) {
        try {
            for (SpeechEvent event = recognition.next(); event != null; event = recognition.next()) {
                running.post(new SessionSignal.Stt(event));
            }
        } catch (InterruptedException e) {
            // session closed
        } catch (ProviderException e) {
            if (recognition == sttStream && !closed.isDone()) {
                running.post(new SessionSignal.SttFailed(e));
            }
        }
    }

    /**
     * Builds a session from its providers: {@code llm} and {@code tts} always, {@code vad} and {@code
     * stt} when the session hears audio (not for a text-only session).
     */
    public static final class Builder {
        private @Nullable Stt stt;
        private @Nullable Llm llm;
        private @Nullable Tts tts;
        private @Nullable Vad vad;
        private AgentSessionOptions options = AgentSessionOptions.DEFAULT;
        private final Map<Class<?>, Object> services = new HashMap<>();
        private io.micrometer.core.instrument.@Nullable MeterRegistry meterRegistry;

        /** Records turn timers and counters there (see {@code SessionMeters}). */
        public Builder meterRegistry(io.micrometer.core.instrument.MeterRegistry registry) {
            this.meterRegistry = registry;
            return this;
        }

        public Builder stt(Stt value) {
            this.stt = value;
            return this;
        }

        public Builder llm(Llm value) {
            this.llm = value;
            return this;
        }

        public Builder tts(Tts value) {
            this.tts = value;
            return this;
        }

        public Builder vad(Vad value) {
            this.vad = value;
            return this;
        }

        public Builder options(AgentSessionOptions value) {
            this.options = value;
            return this;
        }

        /** Something tools may look up through their {@code ToolContext} (e.g. call control). */
        public <T> Builder service(Class<T> type, T value) {
            services.put(type, value);
            return this;
        }

        public AgentSession build() {
            return new AgentSession(this);
        }
    }
}
