package dev.sofia.agents.cartesia;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.cartesia.CartesiaSocket.Closed;
import dev.sofia.agents.cartesia.CartesiaSocket.EmptySegment;
import dev.sofia.agents.cartesia.CartesiaSocket.Event;
import dev.sofia.agents.cartesia.CartesiaSocket.Failed;
import dev.sofia.agents.cartesia.CartesiaSocket.Flushed;
import dev.sofia.agents.cartesia.CartesiaSocket.InputEnded;
import dev.sofia.agents.cartesia.CartesiaSocket.Opened;
import dev.sofia.agents.cartesia.CartesiaSocket.Text;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderTimeoutException;
import dev.sofia.agents.provider.ProviderWebSocket;
import dev.sofia.agents.tts.SynthesizedAudio;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * Reads one Cartesia socket and delivers its audio segment by segment, in the order the segments
 * were opened: a chunk of the oldest unfinished segment goes out at once, chunks of later ones wait
 * until it is done. {@code done} ends a segment with an empty final piece rather than holding back
 * its last chunk, which would delay every chunk by one. Words from {@code timestamps} ride on the
 * segment's next piece. While a flushed segment waits for audio, {@code timeout} without any message
 * is a {@link ProviderTimeoutException}.
 */
final class CartesiaReceiver {

    private static final class Segment {
        final String id;
        final List<SynthesizedAudio> waiting = new ArrayList<>();
        final StringBuilder words = new StringBuilder();
        boolean flushed;
        boolean done;

        Segment(String id) {
            this.id = id;
        }
    }

    private final String label;
    private final int sampleRate;
    private final Duration timeout;
    private final Consumer<SynthesizedAudio> out;
    private final Deque<Segment> segments = new ArrayDeque<>();
    private final Map<String, Segment> byId = new HashMap<>();
    private boolean inputEnded;

    CartesiaReceiver(String label, int sampleRate, Duration timeout, Consumer<SynthesizedAudio> out) {
        this.label = label;
        this.sampleRate = sampleRate;
        this.timeout = timeout;
        this.out = out;
    }

    /** Runs until the input ended and every segment is done; then closes the socket. */
    void run(ProviderWebSocket<Event> socket) throws InterruptedException {
        while (!inputEnded || !segments.isEmpty()) {
            boolean awaitingAudio = segments.stream().anyMatch(s -> s.flushed && !s.done);
            Event event = awaitingAudio ? socket.poll(timeout) : socket.take();
            if (event == null) {
                throw new ProviderTimeoutException(label, "audio", timeout);
            }
            handle(event);
            deliverFinished();
        }
        socket.close();
    }

    private void handle(Event event) {
        switch (event) {
            case Opened opened -> add(new Segment(opened.id()));
            case Flushed flushed -> byId.get(flushed.id()).flushed = true;
            case EmptySegment empty -> {
                Segment segment = add(new Segment(empty.id()));
                segment.flushed = true;
                segment.done = true;
            }
            case InputEnded ended -> inputEnded = true;
            case Text text -> message(CartesiaMessages.JSON.readTree(text.json()));
            case Closed closed ->
                throw new ProviderConnectionException(
                        label, "closed with " + closed.code() + " " + closed.reason(), null);
            case Failed failed -> throw failed.error();
        }
    }

    private void message(JsonNode message) {
        Segment segment = byId.get(message.path("context_id").asString(""));
        String type = message.path("type").asString("");
        if (type.equals("error")) {
            throw CartesiaMessages.error(label, message);
        }
        if (segment == null) {
            return; // a context we no longer wait for
        }
        switch (type) {
            case "chunk" -> {
                byte[] pcm = Base64.getDecoder().decode(message.path("data").asString(""));
                AudioFrame frame = AudioFrame.fromLittleEndianBytes(pcm, sampleRate, 1, pcm.length / 2);
                deliver(segment, new SynthesizedAudio(frame, segment.id, false, takeWords(segment)));
            }
            case "timestamps" -> {
                for (JsonNode word : message.path("word_timestamps").path("words")) {
                    segment.words.append(segment.words.isEmpty() ? "" : " ").append(word.asString(""));
                }
            }
            case "done" -> segment.done = true;
            default -> {} // flush_done, phoneme timestamps: nothing we use
        }
    }

    /** Hands out the oldest segments that are done, each with its final piece. */
    private void deliverFinished() {
        while (!segments.isEmpty() && segments.peekFirst().done) {
            Segment finished = segments.removeFirst();
            byId.remove(finished.id);
            AudioFrame nothing = AudioFrame.silence(sampleRate, 1, 0);
            out.accept(new SynthesizedAudio(nothing, finished.id, true, takeWords(finished)));
            Segment next = segments.peekFirst();
            if (next != null) {
                next.waiting.forEach(out);
                next.waiting.clear();
            }
        }
    }

    private void deliver(Segment segment, SynthesizedAudio piece) {
        if (segments.peekFirst() == segment) {
            out.accept(piece);
        } else {
            segment.waiting.add(piece);
        }
    }

    private Segment add(Segment segment) {
        segments.addLast(segment);
        byId.put(segment.id, segment);
        return segment;
    }

    private static String takeWords(Segment segment) {
        String words = segment.words.toString();
        segment.words.setLength(0);
        return words;
    }
}
