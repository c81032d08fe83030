package dev.sofia.agents.stt;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.StreamInput;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/** A recogniser whose one-shot calls and stream runs are test scripts; without retries by default. */
public final class ScriptedStt extends Stt {

    /** One attempt at recognising an utterance. */
    @FunctionalInterface
    public interface Script {
        SpeechEvent run(int call, List<AudioFrame> audio) throws Exception;
    }

    /** One run of a streaming transport. */
    @FunctionalInterface
    public interface StreamScript {
        void run(int run, StreamInput<AudioFrame> in, Consumer<SpeechEvent> out) throws Exception;
    }

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger runs = new AtomicInteger();
    private volatile Script script;
    private volatile @Nullable StreamScript streamScript;

    public ScriptedStt(String label, Script script, @Nullable StreamScript streamScript) {
        super(label, new SttCapabilities(streamScript != null, streamScript != null));
        this.script = script;
        this.streamScript = streamScript;
        setConnectOptions(new ConnectOptions(0, Duration.ofMillis(1), Duration.ofSeconds(1)));
    }

    /** Recognises every utterance as {@code text}. */
    public static Script hearing(String text) {
        return (call, audio) -> SpeechEvent.transcript(true, SpeechData.of(text, "de"), "r-" + call);
    }

    public void setScript(Script script) {
        this.script = script;
    }

    public void setStreamScript(StreamScript streamScript) {
        this.streamScript = streamScript;
    }

    public int calls() {
        return calls.get();
    }

    public int runs() {
        return runs.get();
    }

    @Override
    protected SpeechEvent recognizeOnce(List<AudioFrame> audio, @Nullable String language, ConnectOptions options)
            throws Exception {
        return script.run(calls.incrementAndGet(), audio);
    }

    @Override
    protected SttStream newStream(@Nullable String language, ConnectOptions options) {
        return new SttStream(this, language, options) {
            @Override
            protected void run(StreamInput<AudioFrame> in, Consumer<SpeechEvent> out) throws Exception {
                streamScript.run(runs.incrementAndGet(), in, out);
            }
        };
    }
}
