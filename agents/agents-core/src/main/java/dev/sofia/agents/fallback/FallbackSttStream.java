package dev.sofia.agents.fallback;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.stt.Stt;
import dev.sofia.agents.stt.SttStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@link FallbackStt}'s live recognition. It keeps the audio the current recogniser has not
 * recognised yet, at most {@link #REPLAY}, and replays it to the next recogniser when the current
 * one fails. Only one {@code START_OF_SPEECH} is passed on per utterance, though both recognisers
 * may report one for it. All state lives on the stream's thread, fed by {@link Signals}.
 */
final class FallbackSttStream extends SttStream {

    /** Long enough for a sentence in progress; older audio was recognised or is stale. */
    static final Duration REPLAY = Duration.ofSeconds(5);

    private final Availability<Stt> availability;
    private final Deque<AudioFrame> unrecognised = new ArrayDeque<>();
    private long unrecognisedNanos;
    private boolean speaking;
    private boolean inputEnded;
    private int generation;
    private @Nullable Stt recogniser;
    private @Nullable SttStream current;

    FallbackSttStream(
            FallbackStt owner, @Nullable String language, ConnectOptions options, Availability<Stt> availability) {
        super(owner, language, options);
        this.availability = availability;
    }

    @Override
    protected void run(StreamInput<AudioFrame> in, Consumer<SpeechEvent> out) throws InterruptedException {
        try (Signals signals = new Signals()) {
            switchTo(availability.attemptOrder().getFirst(), signals);
            signals.readInput(in);
            int failuresInARow = 0;
            while (true) {
                switch (signals.take()) {
                    case Signals.Input(Object item) -> input(item);
                    case Signals.Output(int gen, Object event)
                    when gen == generation -> {
                        failuresInARow = 0;
                        recognised((SpeechEvent) event, out);
                    }
                    case Signals.Ended(int gen)
                    when gen == generation -> {
                        if (inputEnded) {
                            availability.markAnswered(recogniser);
                            return;
                        }
                        failOver(
                                new ProviderException(recogniser.label(), "stream ended before its input", true),
                                ++failuresInARow,
                                signals);
                    }
                    case Signals.Failed(int gen, ProviderException error)
                    when gen == generation -> failOver(error, ++failuresInARow, signals);
                    default -> {} // from a recogniser already replaced
                }
            }
        } finally {
            if (current != null) {
                current.close();
            }
        }
    }

    private void input(Object item) {
        if (item == StreamInput.END) {
            inputEnded = true;
            current.endInput();
        } else if (item == StreamInput.FLUSH) {
            current.flush();
        } else {
            AudioFrame frame = (AudioFrame) item;
            unrecognised.addLast(frame);
            unrecognisedNanos += frame.durationNanos();
            while (unrecognisedNanos > REPLAY.toNanos()) {
                unrecognisedNanos -= unrecognised.removeFirst().durationNanos();
            }
            current.pushFrame(frame);
        }
    }

    private void recognised(SpeechEvent event, Consumer<SpeechEvent> out) {
        switch (event.type()) {
            case START_OF_SPEECH -> {
                if (speaking) {
                    return; // the next recogniser hearing the replayed start of the same utterance
                }
                speaking = true;
            }
            case END_OF_SPEECH -> {
                speaking = false;
                forgetRecognised();
            }
            case FINAL_TRANSCRIPT -> forgetRecognised();
            default -> {}
        }
        out.accept(event);
    }

    private void forgetRecognised() {
        unrecognised.clear();
        unrecognisedNanos = 0;
    }

    private void failOver(ProviderException error, int failuresInARow, Signals signals) {
        Stt failed = recogniser;
        availability.markFailed(failed, error);
        Stt next = availability.nextAfter(failed);
        if (next == null || failuresInARow >= availability.providers().size()) {
            throw error;
        }
        switchTo(next, signals);
        unrecognised.forEach(current::pushFrame);
        if (inputEnded) {
            current.endInput();
        }
    }

    private void switchTo(Stt next, Signals signals) {
        if (current != null) {
            current.close();
        }
        recogniser = next;
        current = next.stream(language());
        signals.readOutput(++generation, current);
    }
}
