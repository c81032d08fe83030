package dev.sofia.agents.tts;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.StreamInput;
import java.util.function.Consumer;

/**
 * A "voice" for text-only sessions: every segment ends at once with no audio, so a session can run
 * as a chat (the console, conversation tests) with its transcript as the only output.
 */
public final class TextOnlyTts extends Tts {

    public static final int SAMPLE_RATE = 16_000;

    public TextOnlyTts() {
        super("text-only.tts", new TtsCapabilities(true, SAMPLE_RATE, 1));
    }

    @Override
    protected ChunkedSynthesis newSynthesis(String text, ConnectOptions options) {
        return new ChunkedSynthesis(this, text, options) {
            @Override
            protected void run(StreamInput<Void> in, Consumer<SynthesizedAudio> out) {
                out.accept(new SynthesizedAudio(AudioFrame.silence(SAMPLE_RATE, 1, 0), "seg-1", true, text));
            }
        };
    }

    @Override
    protected TtsStream newStream(ConnectOptions options) {
        return new TtsStream(this, options) {
            @Override
            protected void run(StreamInput<String> in, Consumer<SynthesizedAudio> out) throws InterruptedException {
                StringBuilder text = new StringBuilder();
                int segment = 1;
                for (Object item = in.next(); item != StreamInput.END; item = in.next()) {
                    if (StreamInput.isData(item)) {
                        text.append((String) item);
                    } else {
                        out.accept(new SynthesizedAudio(
                                AudioFrame.silence(SAMPLE_RATE, 1, 0), "seg-" + segment++, true, text.toString()));
                        text.setLength(0);
                    }
                }
            }
        };
    }
}
