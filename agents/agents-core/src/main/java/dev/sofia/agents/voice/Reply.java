package dev.sofia.agents.voice;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.llm.ChatChunk;
import dev.sofia.agents.llm.ChatContext;
import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRequest;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.llm.FunctionCall;
import dev.sofia.agents.llm.LlmStream;
import dev.sofia.agents.llm.ToolCall;
import dev.sofia.agents.llm.ToolChoice;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.tokenize.SentenceSplitter;
import dev.sofia.agents.tts.SynthesizedAudio;
import dev.sofia.agents.tts.TtsStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;

/**
 * One reply of the agent, on its own virtual thread: the model's answer streamed into sentences,
 * each sentence synthesised as its own audio segment ({@code <replyId>-<n>}), tool calls run
 * between steps ({@link ToolRunner}). A reply may be prepared before the caller's turn is over
 * (preemptive): its audio is then held back until {@link #commit()}, and its tools wait too.
 *
 * <p>Everything that changes the conversation goes to the session's loop as a signal, so the loop
 * stays the only writer of the history. {@link #cancel()} stops the model and the speech (a tool
 * that must not be interrupted still finishes, see {@link ToolRunner}).
 */
final class Reply {

    /** A sentence spoken by this reply: its audio segment, its text, and the step it belongs to. */
    record Sentence(String segmentId, String text, int step) {}

    private final SessionLoop loop;
    private final String id = "reply_" + UUID.randomUUID().toString().substring(0, 8);
    private final @Nullable String userText;
    private final @Nullable String fixedText;
    private volatile long endOfSpeechNanos;
    private volatile long firstPlayedNanos;
    private final List<Sentence> sentences = new CopyOnWriteArrayList<>();
    private final List<HeldAudio> held = new ArrayList<>();
    private final CountDownLatch committedLatch = new CountDownLatch(1);
    private volatile boolean committed;
    private volatile boolean cancelled;
    private volatile @Nullable LlmStream llmStream;
    private volatile @Nullable TtsStream ttsStream;
    private volatile @Nullable Thread thread;
    private volatile long firstTokenNanos;
    private volatile long firstAudioNanos;
    private volatile long startedNanos;
    private volatile int toolCalls;
    private volatile boolean ttsFailed;
    /** true once every sentence was played out, false once cut off or abandoned. */
    private final java.util.concurrent.CompletableFuture<Boolean> spoken =
            new java.util.concurrent.CompletableFuture<>();
    /** Playout reports of this reply's segments, by segment id (filled by the loop). */
    private final java.util.Map<String, dev.sofia.agents.audio.PlayoutBuffer.SegmentPlayout> playedOut =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record HeldAudio(String segmentId, @Nullable AudioFrame frame) {}

    /** A reply the model writes to {@code userText} (the turn being answered; null to just continue). */
    static Reply generated(SessionLoop loop, @Nullable String userText, long endOfSpeechNanos) {
        return new Reply(loop, userText, null, endOfSpeechNanos);
    }

    /** A reply with fixed text (a greeting, a session phrase, {@code say()}). */
    static Reply fixed(SessionLoop loop, String text) {
        return new Reply(loop, null, text, 0);
    }

    private Reply(SessionLoop loop, @Nullable String userText, @Nullable String fixedText, long endOfSpeechNanos) {
        this.loop = loop;
        this.userText = userText;
        this.fixedText = fixedText;
        this.endOfSpeechNanos = endOfSpeechNanos;
    }

    String id() {
        return id;
    }

    @Nullable
    String userText() {
        return userText;
    }

    long endOfSpeechNanos() {
        return endOfSpeechNanos;
    }

    /** The end of the caller's speech this reply answers, known for sure only when the turn commits. */
    void answersSpeechEndingAt(long nanos) {
        if (nanos > 0) {
            endOfSpeechNanos = nanos;
        }
    }

    /** When the reply's first audio began to play (0: not yet). */
    long firstPlayedNanos() {
        return firstPlayedNanos;
    }

    void playbackStarted(long nanos) {
        if (firstPlayedNanos == 0) {
            firstPlayedNanos = nanos;
        }
    }

    List<Sentence> sentences() {
        return List.copyOf(sentences);
    }

    boolean isCommitted() {
        return committed;
    }

    boolean isCancelled() {
        return cancelled;
    }

    int toolCalls() {
        return toolCalls;
    }

    long firstTokenNanos() {
        return firstTokenNanos;
    }

    long firstAudioNanos() {
        return firstAudioNanos;
    }

    long startedNanos() {
        return startedNanos;
    }

    void start(boolean commitNow) {
        startedNanos = System.nanoTime();
        if (commitNow) {
            commit();
        }
        thread = Thread.ofVirtual().name(id).start(this::run);
    }

    /** The caller's turn is over and this reply answers it: play what is held and go on playing. */
    void commit() {
        synchronized (held) {
            if (committed || cancelled) {
                return;
            }
            committed = true;
            for (HeldAudio audio : held) {
                output(audio.segmentId(), audio.frame());
            }
            held.clear();
        }
        committedLatch.countDown();
    }

    /** Completes with true once the reply was played out in full, false if it was cut off. */
    java.util.concurrent.CompletableFuture<Boolean> spoken() {
        return spoken;
    }

    /** Called by the loop when the last of the reply's audio was played. */
    void playedOut() {
        spoken.complete(true);
    }

    /** Stops generating and speaking; idempotent. The loop clears the audio output itself. */
    void cancel() {
        cancelled = true;
        spoken.complete(false);
        committedLatch.countDown();
        LlmStream llm = llmStream;
        if (llm != null) {
            llm.close();
        }
        TtsStream tts = ttsStream;
        if (tts != null) {
            tts.close();
        }
        Thread t = thread;
        if (t != null) {
            t.interrupt();
        }
    }

    /** Called by the loop with each playout report of one of this reply's segments. */
    void segmentDone(dev.sofia.agents.audio.PlayoutBuffer.SegmentPlayout playout) {
        synchronized (playedOut) {
            playedOut.put(playout.segmentId(), playout);
            playedOut.notifyAll();
        }
    }

    /** Whether every sentence so far has been reported played (or cut off). */
    boolean allReported() {
        for (Sentence sentence : sentences) {
            if (!playedOut.containsKey(sentence.segmentId())) {
                return false;
            }
        }
        return true;
    }

    /**
     * Waits until everything spoken so far was played; true if all of it was heard in full, false if
     * any of it was cut off or the reply was cancelled.
     */
    boolean awaitPlayedOut() throws InterruptedException {
        synchronized (playedOut) {
            while (!cancelled && !allReported()) {
                playedOut.wait(100);
            }
        }
        return !cancelled
                && sentences.stream()
                        .allMatch(s -> !playedOut.get(s.segmentId()).interrupted());
    }

    /** The report for a segment, or null if it has not been played out yet. */
    dev.sofia.agents.audio.PlayoutBuffer.@Nullable SegmentPlayout playout(String segmentId) {
        return playedOut.get(segmentId);
    }

    /** Waits until committed; false if cancelled meanwhile. */
    boolean awaitCommit() throws InterruptedException {
        committedLatch.await();
        return committed && !cancelled;
    }

    private void run() {
        TtsReader reader = null;
        try {
            TtsStream tts = loop.tts().stream();
            ttsStream = tts;
            reader = new TtsReader(tts);
            reader.start();
            if (fixedText != null) {
                speakAll(fixedText, 0, tts);
                loop.post(new SessionSignal.StepText(this, 0, ChatMessage.of(ChatRole.ASSISTANT, fixedText)));
            } else {
                generate(tts);
            }
            tts.endInput();
            reader.join();
            if (!cancelled) {
                loop.post(new SessionSignal.ReplyGenerated(this));
            }
        } catch (InterruptedException e) {
            // cancelled
        } catch (RuntimeException e) {
            if (!cancelled) {
                loop.post(new SessionSignal.ReplyFailed(this, ProviderException.unexpected("reply " + id, e)));
            }
        } finally {
            if (reader != null) {
                reader.stop();
            }
        }
    }

    private void generate(TtsStream tts) throws InterruptedException {
        ChatContext context = loop.historySnapshot();
        if (userText != null && !committed) {
            // preemptive: the loop adds the user message at commit; the model sees it now
            context.add(ChatMessage.of(ChatRole.USER, userText));
        }
        for (int step = 0; !cancelled; step++) {
            ToolChoice choice = step >= loop.options().maxToolSteps() ? ToolChoice.NONE : ToolChoice.AUTO;
            ChatRequest request = new ChatRequest(context, loop.agent().tools(), choice, true, null);
            StepResult result = streamStep(request, step, tts);
            if (cancelled) {
                return;
            }
            String messageId = "msg_" + UUID.randomUUID();
            if (!result.text().isBlank()) {
                ChatMessage message =
                        new ChatMessage(messageId, ChatRole.ASSISTANT, result.text(), false, Instant.now());
                context.add(message);
                loop.post(new SessionSignal.StepText(this, step, message));
            }
            if (result.calls().isEmpty()) {
                return;
            }
            if (!awaitCommit()) {
                return; // a preemptive reply never runs tools before its turn is confirmed
            }
            toolCalls += result.calls().size();
            List<FunctionCall> calls =
                    result.calls().stream().map(FunctionCall::of).toList();
            calls.forEach(context::add);
            loop.post(new SessionSignal.StepToolCalls(this, calls));
            new ToolRunner(loop, this).run(calls, context, tts, step);
        }
    }

    private record StepResult(String text, List<ToolCall> calls) {}

    private StepResult streamStep(ChatRequest request, int step, TtsStream tts) throws InterruptedException {
        SentenceSplitter splitter = new SentenceSplitter();
        StringBuilder text = new StringBuilder();
        List<ToolCall> calls = new ArrayList<>();
        try (LlmStream llm = loop.llm().chat(request)) {
            llmStream = llm;
            for (ChatChunk chunk = llm.next(); chunk != null && !cancelled; chunk = llm.next()) {
                if (firstTokenNanos == 0
                        && (!chunk.text().isEmpty() || !chunk.toolCalls().isEmpty())) {
                    firstTokenNanos = System.nanoTime();
                }
                calls.addAll(chunk.toolCalls());
                if (!chunk.text().isEmpty()) {
                    text.append(chunk.text());
                    for (String sentence : splitter.push(chunk.text())) {
                        speak(sentence, step, tts);
                    }
                }
            }
        } finally {
            llmStream = null;
        }
        String rest = splitter.flush();
        if (!rest.isEmpty() && !cancelled) {
            speak(rest, step, tts);
        }
        return new StepResult(text.toString().strip(), calls);
    }

    /** Speaks a fixed text sentence by sentence. */
    void speakAll(String text, int step, TtsStream tts) {
        SentenceSplitter splitter = new SentenceSplitter();
        for (String sentence : splitter.push(text)) {
            speak(sentence, step, tts);
        }
        String rest = splitter.flush();
        if (!rest.isEmpty()) {
            speak(rest, step, tts);
        }
    }

    /**
     * Queues one sentence for synthesis as its own segment (the TTS stream's next flush). Once the
     * TTS has failed, the sentence is not spoken: its segment ends empty and its text goes to the
     * transcript, so the caller can still read it.
     */
    void speak(String sentence, int step, TtsStream tts) {
        if (cancelled) {
            return;
        }
        sentences.add(new Sentence(id + "-" + (sentences.size() + 1), sentence, step));
        if (ttsFailed) {
            deliver(sentences.size() - 1, emptyFinal());
            loop.post(new SessionSignal.UnspokenText(this, sentence));
            return;
        }
        try {
            tts.pushText(sentence);
            tts.flush();
        } catch (IllegalStateException e) {
            // the TTS stream ended meanwhile (failed): handled like any sentence after a failure
            deliver(sentences.size() - 1, emptyFinal());
            loop.post(new SessionSignal.UnspokenText(this, sentence));
        }
    }

    private SynthesizedAudio emptyFinal() {
        return new SynthesizedAudio(
                AudioFrame.silence(
                        loop.audioOutput().sampleRate(), loop.audioOutput().channels(), 0),
                "",
                true,
                "");
    }

    /** Audio from the TTS for the n-th sentence; held back until the reply is committed. */
    private void deliver(int sentenceIndex, SynthesizedAudio audio) {
        if (sentenceIndex >= sentences.size()) {
            return; // audio for nothing we asked for (a provider's empty trailing segment)
        }
        String segmentId = sentences.get(sentenceIndex).segmentId();
        synchronized (held) {
            if (cancelled) {
                return;
            }
            if (audio.frame().samplesPerChannel() > 0) {
                if (committed) {
                    output(segmentId, audio.frame());
                } else {
                    held.add(new HeldAudio(segmentId, audio.frame()));
                }
            }
            if (audio.isFinal()) {
                if (committed) {
                    output(segmentId, null);
                } else {
                    held.add(new HeldAudio(segmentId, null));
                }
            }
        }
    }

    /** Pushes a frame (or, with {@code null}, the segment's end) to the session's audio output. */
    private void output(String segmentId, @Nullable AudioFrame frame) {
        if (frame == null) {
            loop.audioOutput().endSegment(segmentId);
            return;
        }
        if (firstAudioNanos == 0) {
            firstAudioNanos = System.nanoTime();
        }
        loop.audioOutput().push(segmentId, frame);
    }

    /** Reads the reply's TTS stream on its own thread; TTS segments follow the sentences in order. */
    private final class TtsReader {
        private final TtsStream tts;
        private @Nullable Thread readerThread;
        private volatile @Nullable ProviderException failure;

        TtsReader(TtsStream tts) {
            this.tts = tts;
        }

        void start() {
            readerThread = Thread.ofVirtual().name(id + "-tts").start(this::read);
        }

        /** Waits for the TTS to deliver everything; a TTS failure was already reported to the loop. */
        void join() throws InterruptedException {
            Thread t = readerThread;
            if (t != null) {
                t.join();
            }
        }

        void stop() {
            tts.close();
        }

        private void read() {
            int index = 0;
            try {
                for (SynthesizedAudio audio = tts.next(); audio != null; audio = tts.next()) {
                    deliver(index, audio);
                    if (audio.isFinal()) {
                        index++;
                    }
                }
            } catch (InterruptedException e) {
                // cancelled
            } catch (ProviderException e) {
                failure = e;
                String unspoken = textFrom(index);
                // end every segment that will get no more audio, so its playout is reported
                for (int i = index; i < sentences.size(); i++) {
                    deliver(
                            i,
                            new SynthesizedAudio(
                                    AudioFrame.silence(
                                            loop.audioOutput().sampleRate(),
                                            loop.audioOutput().channels(),
                                            0),
                                    "",
                                    true,
                                    ""));
                }
                loop.post(new SessionSignal.TtsFailed(Reply.this, e, unspoken));
            }
        }

        private String textFrom(int index) {
            StringBuilder rest = new StringBuilder();
            for (int i = index; i < sentences.size(); i++) {
                rest.append(sentences.get(i).text()).append(' ');
            }
            return rest.toString().strip();
        }
    }
}
