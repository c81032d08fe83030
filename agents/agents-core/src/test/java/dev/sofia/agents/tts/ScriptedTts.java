package dev.sofia.agents.tts;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.StreamInput;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A TTS whose syntheses are a test script; 16 kHz mono. Not streaming unless a stream script is
 * given, so {@link Tts#stream()} speaks sentence by sentence through {@link SentenceTtsStream}.
 * {@link #speaking(int)} marks every sample of its audio with one value, so a test can tell which
 * provider spoke.
 */
public final class ScriptedTts extends Tts {

    public static final int RATE = 16_000;

    /** One synthesis attempt of one text. */
    @FunctionalInterface
    public interface Script {
        void run(int call, String text, Consumer<SynthesizedAudio> out) throws Exception;
    }

    /** One run of a streaming transport. */
    @FunctionalInterface
    public interface StreamScript {
        void run(StreamInput<String> in, Consumer<SynthesizedAudio> out) throws Exception;
    }

    private final AtomicInteger calls = new AtomicInteger();
    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final StreamScript streamScript;
    private volatile Script script;

    public ScriptedTts(String label, Script script) {
        this(label, script, null, RATE);
    }

    public ScriptedTts(String label, Script script, StreamScript streamScript, int sampleRate) {
        super(label, new TtsCapabilities(streamScript != null, sampleRate, 1));
        this.script = script;
        this.streamScript = streamScript;
        setConnectOptions(new ConnectOptions(0, Duration.ofMillis(1), Duration.ofSeconds(1)));
    }

    /** Two 10 ms pieces per text, every sample {@code marker}, the text on the last piece. */
    public static Script speaking(int marker) {
        return (call, text, out) -> {
            out.accept(new SynthesizedAudio(frame(marker), "s-" + call, false, ""));
            out.accept(new SynthesizedAudio(frame(marker), "s-" + call, true, text));
        };
    }

    /** 10 ms at 16 kHz with every sample {@code marker}. */
    public static AudioFrame frame(int marker) {
        short[] samples = new short[RATE / 100];
        java.util.Arrays.fill(samples, (short) marker);
        return new AudioFrame(samples, RATE, 1);
    }

    public void setScript(Script script) {
        this.script = script;
    }

    public int calls() {
        return calls.get();
    }

    /** Every text a synthesis was started for, in order (retries and probes included). */
    public List<String> texts() {
        return List.copyOf(texts);
    }

    @Override
    protected ChunkedSynthesis newSynthesis(String text, ConnectOptions options) {
        return new ChunkedSynthesis(this, text, options) {
            @Override
            protected void run(StreamInput<Void> in, Consumer<SynthesizedAudio> out) throws Exception {
                texts.add(text);
                script.run(calls.incrementAndGet(), text, out);
            }
        };
    }

    @Override
    protected TtsStream newStream(ConnectOptions options) {
        return new TtsStream(this, options) {
            @Override
            protected void run(StreamInput<String> in, Consumer<SynthesizedAudio> out) throws Exception {
                streamScript.run(in, out);
            }
        };
    }
}
