package dev.sofia.agents.testkit.deepgram;

import dev.sofia.agents.testkit.deepgram.DeepgramMessages.Word;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import okio.ByteString;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The server side of one streaming connection. Scripted utterances are laid out on the audio
 * timeline one after another ({@code speech} long, {@code pause} apart, the first {@code lead}
 * in); as the received audio
 * passes an utterance's marks the socket answers: {@code SpeechStarted} 100 ms in, an interim result
 * with the first half of the words half-way, the final result ({@code speech_final} unless
 * endpointing is off) and {@code UtteranceEnd} (if asked for) at its end. {@code Finalize} and {@code CloseStream} finish the utterance in
 * progress at once ({@code from_finalize}); {@code CloseStream} then sends {@code Metadata} and
 * closes with 1000. Every answer leaves {@code latency} after the audio that caused it, in order.
 */
final class ListenSocket extends WebSocketListener {

    /** A scripted failure of one connection, once {@code afterAudio} has been received. */
    record Fault(Duration afterAudio, @Nullable String variant, String description, int closeCode) {}

    private final FakeDeepgramSession session;
    private final List<String> utterances;
    private final double speech;
    private final double pause;
    private final double lead;
    private final long latencyNanos;
    private final @Nullable Fault fault;
    private final Consumer<WebSocket> drop;
    // one thread, first in first out: answers keep their order whatever their delays
    private final ExecutorService outbox = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("fake-deepgram-out").factory());
    private final String model;
    private int current; // the utterance being heard
    private int stage; // 0 nothing sent, 1 SpeechStarted, 2 interim, 3 final
    private boolean failed;

    ListenSocket(
            FakeDeepgramSession session,
            List<String> utterances,
            Duration speech,
            Duration pause,
            Duration lead,
            Duration latency,
            @Nullable Fault fault,
            Consumer<WebSocket> drop) {
        this.session = session;
        this.utterances = List.copyOf(utterances);
        this.speech = speech.toNanos() / 1e9;
        this.pause = pause.toNanos() / 1e9;
        this.lead = lead.toNanos() / 1e9;
        this.latencyNanos = latency.toNanos();
        this.fault = fault;
        this.drop = drop;
        String name = session.param("model");
        this.model = name == null ? "nova-3" : name;
    }

    @Override
    public void onMessage(WebSocket socket, ByteString bytes) {
        long total = session.addAudio(bytes.toByteArray());
        if (failed) {
            return;
        }
        double heard = total / (2.0 * session.sampleRate());
        while (current < utterances.size() && advance(socket, heard)) {
            // each call sends at most one mark; loop until the audio heard is caught up
        }
        if (fault != null && heard >= fault.afterAudio().toNanos() / 1e9) {
            fail(socket, fault);
        }
    }

    @Override
    public void onMessage(WebSocket socket, String text) {
        JsonNode message = session.addMessage(text);
        if (failed) {
            return;
        }
        switch (message.path("type").asString("")) {
            case "Finalize" -> finish(socket, true);
            case "CloseStream" -> {
                finish(socket, true);
                double heard = session.audioBytes() / (2.0 * session.sampleRate());
                send(socket, DeepgramMessages.metadata(session.requestId(), model, heard));
                later(() -> {
                    socket.close(1000, "");
                    session.end(1000);
                });
            }
            default -> {} // KeepAlive and anything else: only recorded
        }
    }

    @Override
    public void onClosing(WebSocket socket, int code, String reason) {
        socket.close(code, null);
        session.end(code);
    }

    @Override
    public void onFailure(WebSocket socket, Throwable t, okhttp3.@Nullable Response response) {
        session.end(-1);
    }

    /** Sends the current utterance's next mark if the audio reached it; true if it did. */
    private boolean advance(WebSocket socket, double heard) {
        double start = lead + current * (speech + pause);
        switch (stage) {
            case 0 -> {
                if (heard < start + 0.1) {
                    return false;
                }
                send(socket, DeepgramMessages.speechStarted(start));
            }
            case 1 -> {
                if (heard < start + speech / 2 || !session.flag("interim_results")) {
                    return heard >= start + speech && skipToFinal();
                }
                List<Word> words = words(current);
                send(socket, result(words.subList(0, Math.max(1, words.size() / 2)), speech / 2, false, false, false));
            }
            default -> {
                if (heard < start + speech) {
                    return false;
                }
                sendFinal(socket, true, false);
                return true;
            }
        }
        stage++;
        return true;
    }

    private boolean skipToFinal() {
        stage = 2;
        return true;
    }

    /** Finalize or CloseStream: the utterance in progress ends now (an empty result if none). */
    private void finish(WebSocket socket, boolean fromFinalize) {
        if (current < utterances.size() && stage > 0) {
            sendFinal(socket, false, fromFinalize);
        } else {
            send(socket, result(List.of(), 0, true, false, fromFinalize));
        }
    }

    private void sendFinal(WebSocket socket, boolean endpointed, boolean fromFinalize) {
        List<Word> words = words(current);
        boolean speechFinal = endpointed && !"false".equals(session.param("endpointing"));
        send(socket, result(words, speech, true, speechFinal, fromFinalize));
        if (endpointed && session.param("utterance_end_ms") != null) {
            send(socket, DeepgramMessages.utteranceEnd(words.getLast().end()));
        }
        current++;
        stage = 0;
    }

    private String result(List<Word> words, double duration, boolean isFinal, boolean speechFinal, boolean flushed) {
        double start = lead + current * (speech + pause);
        return DeepgramMessages.results(
                session.requestId(), model, words, start, duration, isFinal, speechFinal, flushed);
    }

    private List<Word> words(int utterance) {
        String[] texts = utterances.get(utterance).trim().split("\\s+");
        double start = lead + utterance * (speech + pause);
        double each = speech / texts.length;
        List<Word> words = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            words.add(new Word(texts[i], start + i * each, start + (i + 1) * each));
        }
        return words;
    }

    private void fail(WebSocket socket, Fault scripted) {
        failed = true;
        session.end(-1);
        String variant = scripted.variant();
        if (variant == null) {
            later(() -> drop.accept(socket)); // no close frame: the peer sees the connection break
        } else {
            send(socket, DeepgramMessages.error(variant, scripted.description()));
            later(() -> socket.close(scripted.closeCode(), variant + ": " + scripted.description()));
        }
    }

    private void send(WebSocket socket, String json) {
        later(() -> socket.send(json));
    }

    /** Runs {@code action} {@code latency} from now, but never before what was scheduled earlier. */
    private void later(Runnable action) {
        long at = System.nanoTime() + latencyNanos;
        outbox.execute(() -> {
            try {
                Thread.sleep(Duration.ofNanos(Math.max(0, at - System.nanoTime())));
            } catch (InterruptedException e) {
                return; // the server is closing
            }
            action.run();
        });
    }

    /** Stops answering; for the server's close. */
    void shutdown() {
        outbox.shutdownNow();
    }
}
