package dev.sofia.agents.fallback;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.agents.tts.SynthesizedAudio;
import dev.sofia.agents.tts.Tts;
import dev.sofia.agents.tts.TtsStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * {@link FallbackTts}'s text stream. It keeps the text of every segment the current voice has not
 * finished, so that the next voice can speak it when the current one fails. All state lives on the
 * stream's thread, fed by {@link Signals}.
 */
final class FallbackTtsStream extends TtsStream {

    /** A segment given to the current voice and not yet finished by it. */
    private static final class Segment {
        final String id;
        final StringBuilder text = new StringBuilder();
        /** The voice has its text; blank text is held back, as a voice may say nothing for it. */
        boolean forwarded;

        boolean flushed;
        /** Some of its audio reached the caller, so it cannot be spoken again. */
        boolean delivered;

        Segment(String id) {
            this.id = id;
        }
    }

    private final FallbackTts owner;
    private final Availability<Tts> availability;
    private final Deque<Segment> pending = new ArrayDeque<>();
    private @Nullable Segment open;
    private int segments;
    private boolean inputEnded;
    private int generation;
    private @Nullable Tts voice;
    private @Nullable TtsStream current;

    FallbackTtsStream(FallbackTts owner, ConnectOptions options, Availability<Tts> availability) {
        super(owner, options);
        this.owner = owner;
        this.availability = availability;
    }

    @Override
    protected void run(StreamInput<String> in, Consumer<SynthesizedAudio> out) throws InterruptedException {
        try (Signals signals = new Signals()) {
            switchTo(availability.attemptOrder().getFirst(), signals);
            signals.readInput(in);
            int failuresInARow = 0;
            while (true) {
                switch (signals.take()) {
                    case Signals.Input(Object item) -> input(item, out);
                    case Signals.Output(int gen, Object piece)
                    when gen == generation -> {
                        failuresInARow = 0;
                        speak((SynthesizedAudio) piece, out);
                    }
                    case Signals.Ended(int gen)
                    when gen == generation -> {
                        if (inputEnded) {
                            availability.markAnswered(voice);
                            while (!pending.isEmpty()) {
                                out.accept(emptyFinal(pending.removeFirst()));
                            }
                            return;
                        }
                        failuresInARow = failOver(
                                new ProviderException(voice.label(), "stream ended before its input", true),
                                ++failuresInARow,
                                signals,
                                out);
                    }
                    case Signals.Failed(int gen, ProviderException error)
                    when gen == generation -> failuresInARow = failOver(error, ++failuresInARow, signals, out);
                    default -> {} // from a voice already replaced
                }
            }
        } finally {
            if (current != null) {
                current.close();
            }
        }
    }

    private void input(Object item, Consumer<SynthesizedAudio> out) {
        if (item == StreamInput.END) {
            inputEnded = true;
            if (open != null && !open.forwarded) {
                pending.remove(open); // blank and never flushed: nothing to say, nothing to end
            }
            open = null;
            current.endInput();
            return;
        }
        if (open == null) {
            open = new Segment("seg-" + ++segments);
            pending.addLast(open);
        }
        if (item == StreamInput.FLUSH) {
            open.flushed = true;
            if (open.forwarded) {
                current.flush();
            }
            open = null;
            endEmptySegments(out);
            return;
        }
        String text = (String) item;
        open.text.append(text);
        if (open.forwarded) {
            current.pushText(text);
        } else if (!open.text.toString().isBlank()) {
            open.forwarded = true;
            current.pushText(open.text.toString());
        }
    }

    private void speak(SynthesizedAudio piece, Consumer<SynthesizedAudio> out) {
        Segment head = pending.peekFirst();
        if (head == null) {
            return; // a voice's piece for no segment of ours (e.g. an empty final at the end)
        }
        head.delivered = true;
        out.accept(new SynthesizedAudio(piece.frame(), head.id, piece.isFinal(), piece.text()));
        if (piece.isFinal()) {
            pending.removeFirst();
            endEmptySegments(out);
        }
    }

    /** Segments flushed without text are ended here: no voice is asked to say nothing. */
    private void endEmptySegments(Consumer<SynthesizedAudio> out) {
        while (!pending.isEmpty() && pending.peekFirst().flushed && !pending.peekFirst().forwarded) {
            out.accept(emptyFinal(pending.removeFirst()));
        }
    }

    /** Marks the voice unavailable and hands the unfinished segments to the next; returns the failure count. */
    private int failOver(ProviderException error, int failuresInARow, Signals signals, Consumer<SynthesizedAudio> out) {
        Tts failed = voice;
        availability.markFailed(failed, error);
        Tts next = availability.nextAfter(failed);
        if (next == null || failuresInARow >= availability.providers().size()) {
            throw error;
        }
        Segment head = pending.peekFirst();
        if (head != null && head.delivered) {
            out.accept(emptyFinal(pending.removeFirst())); // the rest of it is lost with the failed voice
            endEmptySegments(out);
        }
        switchTo(next, signals);
        for (Segment segment : pending) {
            if (segment.forwarded) {
                current.pushText(segment.text.toString());
                if (segment.flushed) {
                    current.flush();
                }
            }
        }
        if (inputEnded) {
            current.endInput();
        }
        return failuresInARow;
    }

    private void switchTo(Tts next, Signals signals) {
        if (current != null) {
            current.close();
        }
        voice = next;
        current = next.stream();
        signals.readOutput(++generation, current);
    }

    private SynthesizedAudio emptyFinal(Segment segment) {
        return new SynthesizedAudio(AudioFrame.silence(owner.sampleRate(), owner.channels(), 0), segment.id, true, "");
    }
}
