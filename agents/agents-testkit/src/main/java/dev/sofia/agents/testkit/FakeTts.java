package dev.sofia.agents.testkit;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.ToneGenerator;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.SynthesizedAudio;
import dev.sofia.agents.tts.Tts;
import dev.sofia.agents.tts.TtsCapabilities;
import dev.sofia.agents.tts.TtsStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A streaming TTS that "speaks" a tone: each segment (flush) becomes {@code perCharacter} of audio
 * per character, delivered in 20 ms pieces after the time to first byte, faster than real time.
 * Records the segments' texts; can be told to fail.
 */
public final class FakeTts extends Tts {

    public static final double TONE_HZ = 660;

    private final List<String> spoken = new CopyOnWriteArrayList<>();
    private volatile Duration timeToFirstByte = Duration.ZERO;
    private volatile Duration perCharacter = Duration.ofMillis(40);
    private volatile @Nullable ProviderException failure;

    public FakeTts(int sampleRate) {
        super("fake.tts", new TtsCapabilities(true, sampleRate, 1));
        setConnectOptions(ConnectOptions.DEFAULT.withMaxRetries(0));
    }

    public FakeTts latency(Duration firstByte) {
        this.timeToFirstByte = firstByte;
        return this;
    }

    public FakeTts speed(Duration audioPerCharacter) {
        this.perCharacter = audioPerCharacter;
        return this;
    }

    /** Every synthesis from now on fails with this ({@code null}: works again). */
    public FakeTts failWith(@Nullable ProviderException error) {
        this.failure = error;
        return this;
    }

    public Duration timeToFirstByte() {
        return timeToFirstByte;
    }

    /** The texts synthesised, one per segment, in order. */
    public List<String> spoken() {
        return List.copyOf(spoken);
    }

    @Override
    protected ChunkedSynthesis newSynthesis(String text, ConnectOptions options) {
        return new ChunkedSynthesis(this, text, options) {
            @Override
            protected void run(StreamInput<Void> in, Consumer<SynthesizedAudio> out) throws Exception {
                synthesize(text, "seg-1", out);
            }
        };
    }

    @Override
    protected TtsStream newStream(ConnectOptions options) {
        return new TtsStream(this, options) {
            @Override
            protected void run(StreamInput<String> in, Consumer<SynthesizedAudio> out) throws Exception {
                StringBuilder segment = new StringBuilder();
                int n = 1;
                for (Object item = in.next(); item != StreamInput.END; item = in.next()) {
                    if (StreamInput.isData(item)) {
                        segment.append((String) item);
                    } else {
                        synthesize(segment.toString(), "seg-" + n++, out);
                        segment.setLength(0);
                    }
                }
                if (!segment.isEmpty()) {
                    synthesize(segment.toString(), "seg-" + n, out);
                }
            }
        };
    }

    private void synthesize(String text, String segmentId, Consumer<SynthesizedAudio> out) throws InterruptedException {
        ProviderException failed = failure;
        if (failed != null) {
            throw failed;
        }
        spoken.add(text);
        Thread.sleep(timeToFirstByte);
        long samples = perCharacter.toNanos() * text.length() * sampleRate() / 1_000_000_000L;
        ToneGenerator tone = new ToneGenerator(TONE_HZ, 0.3, sampleRate(), 1);
        int piece = sampleRate() / 50;
        while (samples > piece) {
            out.accept(new SynthesizedAudio(tone.next(piece), segmentId, false, ""));
            samples -= piece;
        }
        out.accept(new SynthesizedAudio(
                samples > 0 ? tone.next((int) samples) : AudioFrame.silence(sampleRate(), 1, 0),
                segmentId,
                true,
                text));
    }
}
