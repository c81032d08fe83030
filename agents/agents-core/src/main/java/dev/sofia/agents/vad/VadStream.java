package dev.sofia.agents.vad;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ProviderStream;
import dev.sofia.agents.provider.StreamInput;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Voice activity of one audio stream (see {@link ProviderStream} for the lifecycle): push frames
 * with {@link #pushFrame}, read {@link VadEvent}s. Runs the {@link VadOptions} state machine over
 * the scorer's per-frame probabilities; {@code flush()} ends an utterance in progress at once.
 */
public final class VadStream extends ProviderStream<AudioFrame, VadEvent> {

    private final VadOptions options;
    private final SpeechScorer scorer;

    VadStream(Vad vad, SpeechScorer scorer) {
        super(vad, vad.connectOptions());
        this.options = vad.options();
        this.scorer = scorer;
    }

    void begin() {
        start();
    }

    public void pushFrame(AudioFrame frame) {
        pushInput(frame);
    }

    @Override
    protected void run(StreamInput<AudioFrame> in, Consumer<VadEvent> out) throws Exception {
        try (scorer) {
            new Machine(out).consume(in);
        }
    }

    /** The speech state machine; all durations in nanoseconds of audio. */
    private final class Machine {
        private final Consumer<VadEvent> out;
        private final Deque<AudioFrame> padding = new ArrayDeque<>();
        private final List<AudioFrame> utterance = new ArrayList<>();
        private long position;
        private long paddingNanos;
        private long speechRun;
        private long silenceRun;
        private long speechNanos;
        private long utteranceNanos;
        private boolean speaking;

        Machine(Consumer<VadEvent> out) {
            this.out = out;
        }

        void consume(StreamInput<AudioFrame> in) throws InterruptedException {
            for (Object item = in.next(); item != StreamInput.END; item = in.next()) {
                if (item == StreamInput.FLUSH) {
                    if (speaking) {
                        end(0);
                    }
                    continue;
                }
                frame((AudioFrame) item);
            }
            if (speaking) {
                end(0);
            }
        }

        private void frame(AudioFrame frame) {
            double p = scorer.speechProbability(frame);
            long length = frame.durationNanos();
            position += length;
            boolean speech = p >= options.activationThreshold();
            if (!speaking) {
                speechRun = speech ? speechRun + length : 0;
                remember(frame, length);
                if (speech && speechRun >= options.minSpeech().toNanos()) {
                    speaking = true;
                    silenceRun = 0;
                    speechNanos = speechRun;
                    utterance.clear();
                    utterance.addAll(padding);
                    utteranceNanos = paddingNanos;
                    padding.clear();
                    paddingNanos = 0;
                    emit(VadEvent.Type.START_OF_SPEECH, position - speechRun, p, List.copyOf(utterance));
                }
            } else {
                if (utteranceNanos + length <= options.maxBufferedSpeech().toNanos()) {
                    utterance.add(frame);
                    utteranceNanos += length;
                }
                if (speech) {
                    speechNanos += length;
                    silenceRun = 0;
                } else {
                    silenceRun += length;
                    if (silenceRun >= options.minSilence().toNanos()) {
                        end(p);
                    }
                }
            }
            emit(VadEvent.Type.INFERENCE_DONE, position, p, List.of());
        }

        private void end(double p) {
            speaking = false;
            emit(VadEvent.Type.END_OF_SPEECH, position - silenceRun, p, List.copyOf(utterance));
            utterance.clear();
            utteranceNanos = 0;
            speechRun = 0;
            speechNanos = 0;
            silenceRun = 0;
        }

        /** Keeps the speech run so far plus {@code prefixPadding} before it (the onset of the first syllable). */
        private void remember(AudioFrame frame, long length) {
            padding.addLast(frame);
            paddingNanos += length;
            long keep = options.prefixPadding().toNanos() + speechRun;
            while (paddingNanos > keep && padding.size() > 1) {
                paddingNanos -= padding.removeFirst().durationNanos();
            }
        }

        private void emit(VadEvent.Type type, long at, double p, List<AudioFrame> frames) {
            out.accept(new VadEvent(
                    type,
                    Duration.ofNanos(at),
                    Duration.ofNanos(speechNanos),
                    Duration.ofNanos(silenceRun),
                    p,
                    speaking,
                    frames));
        }
    }
}
