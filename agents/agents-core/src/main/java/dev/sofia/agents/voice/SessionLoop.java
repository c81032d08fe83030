package dev.sofia.agents.voice;

import dev.sofia.agents.audio.PlayoutBuffer.SegmentPlayout;
import dev.sofia.agents.llm.ChatContext;
import dev.sofia.agents.llm.ChatItem;
import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.llm.FunctionCall;
import dev.sofia.agents.llm.FunctionCallOutput;
import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.tools.ToolResult;
import dev.sofia.agents.tts.Tts;
import dev.sofia.agents.vad.VadEvent;
import dev.sofia.agents.voice.SessionEvent.CloseReason;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The session's brain: one virtual thread taking {@link Signal}s in order — from the VAD, the
 * recogniser, the audio output's playout reports, timers, replies and tools — and making every
 * decision about turns, interruptions, the history and the agent's state. Nothing else writes the
 * history or the state, so no decision races another.
 */
final class SessionLoop {

    private static final Logger log = LoggerFactory.getLogger(SessionLoop.class);

    private final AgentSession session;
    private final SessionIo io;
    private final ChatContext history;
    private final LinkedBlockingQueue<SessionSignal> signals = new LinkedBlockingQueue<>();
    private final SessionTimers timers;
    private final Map<String, Reply> replies = new HashMap<>();
    private final Set<Reply> generated = new HashSet<>();
    private final ReplyHistory replyHistory;

    private AgentState state = AgentState.INITIALIZING;
    private final StringBuilder turn = new StringBuilder();
    private boolean userSpeaking;
    private long lastEndOfSpeechNanos;
    private long lastFinalNanos;
    private @Nullable Reply current;
    private @Nullable Reply preemptive;
    private @Nullable String queuedTurn;
    private boolean interruptionPending;
    private int unrecoverableErrors;
    private int awayPrompts;
    private @Nullable CloseReason endAfterReply;
    private long commitNanos;
    private boolean closed;

    SessionLoop(AgentSession session, SessionIo io) {
        this.session = session;
        this.io = io;
        this.history = ChatContext.withInstructions(session.agent().instructions());
        this.timers = new SessionTimers(this);
        this.replyHistory = new ReplyHistory(history, this::addItem);
    }

    // ---- what replies and tools use ----

    Agent agent() {
        return session.agent();
    }

    AgentSessionOptions options() {
        return session.options();
    }

    Llm llm() {
        return session.llm();
    }

    Tts tts() {
        return session.tts();
    }

    AudioOutput audioOutput() {
        return io.audioOutput();
    }

    ChatContext historySnapshot() {
        return history.copy();
    }

    <T> Optional<T> service(Class<T> type) {
        return session.service(type);
    }

    boolean hearsAudio() {
        return io.audioInput() != null;
    }

    boolean isEnding() {
        return endAfterReply != null || closed;
    }

    void post(SessionSignal signal) {
        signals.add(signal);
    }

    // ---- the loop ----

    void run() {
        setState(agent().greeting() == null ? AgentState.LISTENING : AgentState.THINKING);
        if (agent().greeting() != null) {
            speakFixed(agent().greeting());
        } else {
            timers.startAway();
        }
        while (!closed) {
            SessionSignal signal;
            try {
                signal = signals.take();
            } catch (InterruptedException e) {
                close(CloseReason.CLOSED, "interrupted");
                return;
            }
            try {
                handle(signal);
            } catch (RuntimeException e) {
                log.error(
                        "session {}: handling {} failed",
                        session.id(),
                        signal.getClass().getSimpleName(),
                        e);
            }
        }
    }

    private void handle(SessionSignal signal) {
        switch (signal) {
            case SessionSignal.Vad(VadEvent event) -> onVad(event);
            case SessionSignal.Stt(SpeechEvent event) -> onStt(event);
            case SessionSignal.SttFailed(ProviderException error) -> onSttFailed(error);
            case SessionSignal.InputEnded() -> close(CloseReason.INPUT_ENDED, null);
            case SessionSignal.PlayoutStarted(String segmentId) -> onPlayoutStarted(segmentId);
            case SessionSignal.PlayoutDone(SegmentPlayout playout) -> onPlayoutDone(playout);
            case SessionSignal.Timer(SessionTimers.Kind kind, long token) -> {
                if (timers.isCurrent(kind, token)) {
                    onTimer(kind);
                }
            }
            case SessionSignal.TextInput(String text) -> {
                interrupt();
                turn.setLength(0);
                turn.append(text);
                lastEndOfSpeechNanos = 0;
                commitTurn();
            }
            case SessionSignal.Command(Runnable action) -> action.run();
            case SessionSignal.ReplyGenerated(Reply reply) -> {
                generated.add(reply);
                maybeFinish(reply);
            }
            case SessionSignal.ReplyFailed(Reply reply, ProviderException error) -> onReplyFailed(reply, error);
            case SessionSignal.TtsFailed(Reply reply, ProviderException error, String unspoken) -> {
                countError("tts", error);
                io.transcripts().agentTranscript(reply.id(), unspoken, false);
            }
            case SessionSignal.UnspokenText(Reply reply, String text) ->
                io.transcripts().agentTranscript(reply.id(), text + " ", false);
            case SessionSignal.StepText step -> replyHistory.stepText(step, step.reply() == preemptive);
            case SessionSignal.StepToolCalls(Reply reply, List<FunctionCall> calls) -> calls.forEach(this::addItem);
            case SessionSignal.StepToolOutputs(Reply reply, List<FunctionCallOutput> outputs) ->
                outputs.forEach(this::addItem);
            case SessionSignal.LateToolOutput(Reply reply, FunctionCallOutput output) -> addItem(output);
            case SessionSignal.ToolDone(FunctionCall call, ToolResult result, Duration duration) ->
                session.emit(
                        new SessionEvent.ToolExecuted(call.callId(), call.name(), call.arguments(), result, duration));
            case SessionSignal.ToolWasSkipped(FunctionCall call, String reason) ->
                session.emit(new SessionEvent.ToolSkipped(call.callId(), call.name(), reason));
        }
    }

    // ---- the caller ----

    private void onVad(VadEvent event) {
        switch (event.type()) {
            case START_OF_SPEECH -> {
                userSpeaking = true;
                awayPrompts = 0;
                timers.cancel(SessionTimers.Kind.ENDPOINT);
                timers.cancel(SessionTimers.Kind.AWAY);
                timers.cancel(SessionTimers.Kind.FALSE_INTERRUPTION);
                session.emit(new SessionEvent.UserSpeaking(true));
            }
            case INFERENCE_DONE -> {
                if (userSpeaking
                        && agentIsSpeaking()
                        && options().allowInterruptions()
                        && !interruptionPending
                        && event.speechDuration().compareTo(options().minInterruptionDuration()) >= 0) {
                    pauseForInterruption();
                }
            }
            case END_OF_SPEECH -> {
                userSpeaking = false;
                lastEndOfSpeechNanos = System.nanoTime();
                session.emit(new SessionEvent.UserSpeaking(false));
                if (interruptionPending) {
                    timers.start(
                            SessionTimers.Kind.FALSE_INTERRUPTION, options().falseInterruptionTimeout());
                }
                scheduleEndpoint();
            }
        }
    }

    private void onStt(SpeechEvent event) {
        switch (event.type()) {
            case INTERIM_TRANSCRIPT -> {
                io.transcripts().userTranscript(event.text(), false);
                session.emit(new SessionEvent.UserTranscribed(event.text(), false));
                confirmInterruption(event.text());
            }
            case FINAL_TRANSCRIPT -> {
                String text = event.text().strip();
                if (text.isEmpty()) {
                    return;
                }
                lastFinalNanos = System.nanoTime();
                if (!turn.isEmpty()) {
                    turn.append(' ');
                }
                turn.append(text);
                io.transcripts().userTranscript(text, true);
                session.emit(new SessionEvent.UserTranscribed(text, true));
                confirmInterruption(text);
                startPreemptive();
                scheduleEndpoint();
            }
            case END_OF_SPEECH -> {
                if (!userSpeaking) {
                    if (lastEndOfSpeechNanos == 0) {
                        lastEndOfSpeechNanos = System.nanoTime();
                    }
                    scheduleEndpoint();
                }
            }
            case START_OF_SPEECH, RECOGNITION_USAGE -> {}
        }
    }

    private void scheduleEndpoint() {
        if (turn.isEmpty() || userSpeaking || closed) {
            return;
        }
        Duration delay = Endpointing.soundsUnfinished(turn.toString())
                ? options().maxEndpointingDelay()
                : options().minEndpointingDelay();
        long since = lastEndOfSpeechNanos == 0 ? 0 : System.nanoTime() - lastEndOfSpeechNanos;
        Duration remaining = delay.minusNanos(since);
        if (remaining.isNegative() || remaining.isZero()) {
            commitTurn();
        } else {
            timers.start(SessionTimers.Kind.ENDPOINT, remaining);
        }
    }

    private void startPreemptive() {
        if (!options().preemptiveGeneration() || agentIsSpeaking() || current != null || turn.isEmpty()) {
            return;
        }
        if (preemptive != null) {
            discard(preemptive);
        }
        preemptive = Reply.generated(this, turn.toString(), lastEndOfSpeechNanos);
        track(preemptive);
        preemptive.start(false);
    }

    /** The caller's turn is over: answer it (with the reply prepared for it, if it still fits). */
    private void commitTurn() {
        timers.cancel(SessionTimers.Kind.ENDPOINT);
        String text = turn.toString().strip();
        turn.setLength(0);
        if (text.isEmpty() || closed) {
            return;
        }
        if (current != null) {
            if (options().allowInterruptions() || isSessionReply(current)) {
                interrupt();
            } else {
                queuedTurn = queuedTurn == null ? text : queuedTurn + " " + text;
                return;
            }
        }
        commitNanos = System.nanoTime();
        addItem(ChatMessage.of(ChatRole.USER, text));
        Reply reply = preemptive;
        preemptive = null;
        if (reply != null && text.equals(reply.userText()) && !reply.isCancelled()) {
            reply.answersSpeechEndingAt(lastEndOfSpeechNanos);
            current = reply;
            reply.commit();
            replyHistory.committed(reply);
        } else {
            if (reply != null) {
                discard(reply);
            }
            current = Reply.generated(this, null, lastEndOfSpeechNanos);
            track(current);
            current.start(true);
        }
        setState(AgentState.THINKING);
        maybeFinish(current);
    }

    // ---- interruptions ----

    private boolean agentIsSpeaking() {
        return current != null && state == AgentState.SPEAKING;
    }

    private void pauseForInterruption() {
        io.audioOutput().pause();
        interruptionPending = true;
        if (options().minInterruptionWords() == 0) {
            interrupt();
        }
    }

    private void confirmInterruption(String words) {
        if (!options().allowInterruptions() || current == null) {
            return;
        }
        int needed = Math.max(1, options().minInterruptionWords());
        if ((interruptionPending || agentIsSpeaking()) && Endpointing.words(words) >= needed) {
            interrupt();
        }
    }

    /** Cuts the current reply off: playback stops now, the history keeps what was heard. */
    void interrupt() {
        timers.cancel(SessionTimers.Kind.FALSE_INTERRUPTION);
        Reply reply = current;
        interruptionPending = false;
        if (reply == null) {
            return;
        }
        List<SegmentPlayout> cut = io.audioOutput().clearBuffer();
        io.audioOutput().resume();
        reply.cancel();
        cut.forEach(reply::segmentDone);
        current = null;
        String heard = replyHistory.truncate(reply);
        io.transcripts().agentTranscript(reply.id(), "", true);
        session.emit(new SessionEvent.ReplyInterrupted(reply.id(), heard));
        emitMetrics(reply, true);
        setState(AgentState.LISTENING);
        if (endAfterReply != null) {
            close(endAfterReply, null);
        }
    }

    private void onTimer(SessionTimers.Kind kind) {
        switch (kind) {
            case ENDPOINT -> commitTurn();
            case FALSE_INTERRUPTION -> {
                if (interruptionPending && !userSpeaking) {
                    interruptionPending = false;
                    io.audioOutput().resume();
                    if (current != null) {
                        session.emit(new SessionEvent.FalseInterruption(current.id()));
                    }
                }
            }
            case AWAY -> {
                if (userSpeaking || current != null || closed) {
                    return;
                }
                if (awayPrompts++ == 0) {
                    speakFixed(agent().phrases().stillThere());
                } else {
                    endAfterReply = CloseReason.USER_AWAY;
                    speakFixed(agent().phrases().goodbyeAway());
                }
            }
        }
    }

    // ---- replies ----

    /** Speaks a fixed text as the current reply (after cutting off whatever is playing). */
    Reply speakFixed(String text) {
        if (current != null) {
            interrupt();
        }
        Reply reply = Reply.fixed(this, text);
        current = reply;
        track(reply);
        commitNanos = 0;
        reply.start(true);
        setState(AgentState.THINKING);
        return reply;
    }

    private void onPlayoutStarted(String segmentId) {
        Reply reply = replyOf(segmentId);
        if (reply == null) {
            return;
        }
        reply.playbackStarted(System.nanoTime());
        if (reply == current && state != AgentState.SPEAKING) {
            setState(AgentState.SPEAKING);
        }
        for (Reply.Sentence sentence : reply.sentences()) {
            if (sentence.segmentId().equals(segmentId)) {
                io.transcripts().agentTranscript(reply.id(), sentence.text() + " ", false);
            }
        }
    }

    private void onPlayoutDone(SegmentPlayout playout) {
        Reply reply = replyOf(playout.segmentId());
        if (reply != null) {
            reply.segmentDone(playout);
            maybeFinish(reply);
        }
    }

    private void maybeFinish(@Nullable Reply reply) {
        if (reply == null || reply != current || !generated.contains(reply) || !reply.allReported()) {
            return;
        }
        current = null;
        io.transcripts().agentTranscript(reply.id(), "", true);
        emitMetrics(reply, false);
        forget(reply);
        forgetCancelled();
        setState(AgentState.LISTENING);
        reply.playedOut();
        if (endAfterReply != null) {
            close(endAfterReply, null);
            return;
        }
        timers.startAway();
        if (queuedTurn != null) {
            turn.append(queuedTurn);
            queuedTurn = null;
            commitTurn();
        }
    }

    private void onReplyFailed(Reply reply, ProviderException error) {
        if (reply == preemptive) {
            preemptive = null; // the committed turn starts a fresh reply and meets the error itself
            forget(reply);
            return;
        }
        if (reply != current) {
            return;
        }
        current = null;
        forget(reply);
        if (countError("llm", error)) {
            speakFixed(agent().phrases().technicalTrouble());
        }
    }

    private void onSttFailed(ProviderException error) {
        if (countError("stt", error) && current == null) {
            speakFixed(agent().phrases().pleaseRepeat());
        }
        session.restartRecognition();
    }

    /** Counts a failure the fallbacks could not cover; false (and a polite goodbye) at the limit. */
    private boolean countError(String source, ProviderException error) {
        unrecoverableErrors++;
        log.warn(
                "session {}: {} failed ({} of {}): {}",
                session.id(),
                source,
                unrecoverableErrors,
                options().maxUnrecoverableErrors(),
                error.getMessage());
        session.emit(new SessionEvent.Error(source, error, unrecoverableErrors));
        if (unrecoverableErrors >= options().maxUnrecoverableErrors() && endAfterReply == null) {
            endAfterReply = CloseReason.ERRORS;
            speakFixed(agent().phrases().goodbyeErrors());
            return false;
        }
        return true;
    }

    private void emitMetrics(Reply reply, boolean interrupted) {
        long endOfSpeech = reply.endOfSpeechNanos();
        long firstPlayed = reply.firstPlayedNanos();
        TurnMetrics metrics = new TurnMetrics(
                reply.id(),
                endOfSpeech > 0 && commitNanos > 0 ? Duration.ofNanos(commitNanos - endOfSpeech) : null,
                endOfSpeech > 0 && lastFinalNanos > endOfSpeech ? Duration.ofNanos(lastFinalNanos - endOfSpeech) : null,
                reply.firstTokenNanos() > 0 ? Duration.ofNanos(reply.firstTokenNanos() - reply.startedNanos()) : null,
                reply.firstAudioNanos() > 0 && reply.firstTokenNanos() > 0
                        ? Duration.ofNanos(Math.max(0, reply.firstAudioNanos() - reply.firstTokenNanos()))
                        : null,
                endOfSpeech > 0 && firstPlayed > endOfSpeech ? Duration.ofNanos(firstPlayed - endOfSpeech) : null,
                interrupted,
                reply.toolCalls());
        session.emit(new SessionEvent.Metrics(metrics));
    }

    private boolean isSessionReply(Reply reply) {
        return reply.userText() == null && reply.endOfSpeechNanos() == 0;
    }

    private void addItem(ChatItem item) {
        history.add(item);
        session.emit(new SessionEvent.ItemAdded(item));
    }

    private void setState(AgentState next) {
        if (next != state) {
            AgentState previous = state;
            state = next;
            session.emit(new SessionEvent.AgentStateChanged(previous, next));
        }
    }

    AgentState state() {
        return state;
    }

    ChatContext history() {
        return history;
    }

    private void track(Reply reply) {
        replies.put(reply.id(), reply);
    }

    private void discard(Reply reply) {
        reply.cancel();
        forget(reply);
    }

    private void forget(Reply reply) {
        replies.remove(reply.id());
        generated.remove(reply);
        replyHistory.forget(reply);
    }

    /**
     * Lets go of replies cut off earlier: kept until now because their last signals (a step's text,
     * playout reports) may still have been on the way; by the time a later reply has finished, they
     * are handled. Keeps a long call's memory flat.
     */
    private void forgetCancelled() {
        for (Reply old : List.copyOf(replies.values())) {
            if (old.isCancelled() && old != preemptive) {
                forget(old);
            }
        }
    }

    private @Nullable Reply replyOf(String segmentId) {
        int dash = segmentId.lastIndexOf('-');
        return dash < 0 ? null : replies.get(segmentId.substring(0, dash));
    }

    /** Ends the session once the current reply has been played (at once if nothing plays). */
    void endAfterReply(CloseReason reason) {
        endAfterReply = reason;
        if (current == null) {
            close(reason, null);
        }
    }

    /** Ends the session: replies cancelled, timers stopped, listeners told; idempotent. */
    void close(CloseReason reason, @Nullable String detail) {
        if (closed) {
            return;
        }
        closed = true;
        timers.close();
        for (Reply reply : List.copyOf(replies.values())) {
            reply.cancel();
        }
        if (current != null) {
            io.audioOutput().clearBuffer();
        }
        current = null;
        preemptive = null;
        session.closed(reason, detail);
    }
}
