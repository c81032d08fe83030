package dev.sofia.agents.tts;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.agents.tokenize.SentenceSplitter;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A text stream for a provider that only synthesises whole texts: text is cut into sentences as
 * it arrives and each is synthesised as soon as it is complete (the first sentence's audio plays
 * while the model still writes the next). Segment ids count the stream's flushes: {@code seg-1},
 * {@code seg-2}, …; each segment's last piece is marked final (an empty segment gets an empty final
 * piece, so the consumer still learns it ended).
 */
final class SentenceTtsStream extends TtsStream {

    private final Tts tts;

    SentenceTtsStream(Tts tts, ConnectOptions options) {
        // Each sentence's synthesis retries itself; rerunning the stream on top would multiply the
        // attempts and lose the text already taken from the input.
        super(tts, options.withMaxRetries(0));
        this.tts = tts;
    }

    @Override
    protected void run(StreamInput<String> in, Consumer<SynthesizedAudio> out) throws Exception {
        SentenceSplitter splitter = new SentenceSplitter();
        int segment = 1;
        @Nullable SynthesizedAudio held = null; // the last piece, held back until we know whether it is final
        for (Object item = in.next(); ; item = in.next()) {
            String segmentId = "seg-" + segment;
            if (StreamInput.isData(item)) {
                for (String sentence : splitter.push((String) item)) {
                    held = speak(sentence, segmentId, held, out);
                }
                continue;
            }
            String rest = splitter.flush();
            if (!rest.isEmpty()) {
                held = speak(rest, segmentId, held, out);
            }
            if (held != null) {
                out.accept(new SynthesizedAudio(held.frame(), segmentId, true, held.text()));
                held = null;
            } else if (item == StreamInput.FLUSH) {
                out.accept(new SynthesizedAudio(
                        dev.sofia.agents.audio.AudioFrame.silence(tts.sampleRate(), tts.channels(), 0),
                        segmentId,
                        true,
                        ""));
            }
            if (item == StreamInput.END) {
                return;
            }
            segment++;
        }
    }

    /** Synthesises one sentence, passing on all but its last piece, which it returns. */
    private @Nullable SynthesizedAudio speak(
            String sentence, String segmentId, @Nullable SynthesizedAudio held, Consumer<SynthesizedAudio> out)
            throws InterruptedException {
        try (ChunkedSynthesis synthesis = tts.synthesize(sentence)) {
            for (SynthesizedAudio piece = synthesis.next(); piece != null; piece = synthesis.next()) {
                if (held != null) {
                    out.accept(new SynthesizedAudio(held.frame(), segmentId, false, held.text()));
                }
                held = new SynthesizedAudio(piece.frame(), segmentId, false, piece.text());
            }
        }
        return held;
    }
}
