package dev.sofia.agents.stt;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.agents.vad.Vad;
import dev.sofia.agents.vad.VadEvent;
import dev.sofia.agents.vad.VadStream;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Gives a one-shot recogniser (e.g. Whisper) a stream: a VAD cuts the audio into utterances, and
 * each is recognised when it ends. Events: {@code START_OF_SPEECH} when the VAD hears speech, then
 * {@code FINAL_TRANSCRIPT} (if anything was recognised) and {@code END_OF_SPEECH} when the
 * utterance is recognised. No interim results. Retries are the recogniser's: an utterance that fails
 * for good ends the stream with that failure.
 */
public final class VadSegmentedStt extends Stt {

    private final Stt recogniser;
    private final Vad vad;

    public VadSegmentedStt(Stt recogniser, Vad vad) {
        super(recogniser.label() + "+vad", new SttCapabilities(true, false));
        this.recogniser = recogniser;
        this.vad = vad;
    }

    /**
     * Without retries of its own: the recogniser retries each utterance with its own options, and
     * retrying on top would multiply the attempts (and rerun a stream's VAD from scratch).
     */
    @Override
    public ConnectOptions connectOptions() {
        return super.connectOptions().withMaxRetries(0);
    }

    @Override
    protected SpeechEvent recognizeOnce(List<AudioFrame> audio, @Nullable String language, ConnectOptions options)
            throws Exception {
        return recogniser.recognize(audio, language);
    }

    @Override
    protected SttStream newStream(@Nullable String language, ConnectOptions options) {
        return new SttStream(this, language, options) {
            @Override
            protected void run(StreamInput<AudioFrame> in, Consumer<SpeechEvent> out) throws Exception {
                try (VadStream voice = vad.stream()) {
                    Thread feeder = Thread.ofVirtual().start(() -> feed(in, voice));
                    try {
                        for (VadEvent event = voice.next(); event != null; event = voice.next()) {
                            switch (event.type()) {
                                case START_OF_SPEECH -> out.accept(SpeechEvent.of(SpeechEvent.Type.START_OF_SPEECH));
                                case END_OF_SPEECH -> {
                                    SpeechEvent result = recogniser.recognize(event.frames(), language);
                                    if (!result.text().isBlank()) {
                                        out.accept(result);
                                    }
                                    out.accept(SpeechEvent.of(SpeechEvent.Type.END_OF_SPEECH));
                                }
                                case INFERENCE_DONE -> {}
                            }
                        }
                    } finally {
                        feeder.interrupt();
                        feeder.join(); // it reads our input: it must be gone before a retry or the end
                    }
                }
            }
        };
    }

    private static void feed(StreamInput<AudioFrame> in, VadStream voice) {
        try {
            for (Object item = in.next(); ; item = in.next()) {
                if (item == StreamInput.END) {
                    voice.endInput();
                    return;
                } else if (item == StreamInput.FLUSH) {
                    voice.flush();
                } else {
                    voice.pushFrame((AudioFrame) item);
                }
            }
        } catch (InterruptedException e) {
            voice.close();
        } catch (IllegalStateException e) {
            // the VAD stream was closed: nothing more to feed
        }
    }
}
