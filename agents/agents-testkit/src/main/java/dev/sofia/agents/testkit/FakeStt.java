package dev.sofia.agents.testkit;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.AudioLevels;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.agents.stt.SpeechData;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.stt.Stt;
import dev.sofia.agents.stt.SttCapabilities;
import dev.sofia.agents.stt.SttStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A scripted recogniser that listens to loudness: audio above -40 dBFS is speech; once speech has
 * been followed by {@code endSilence} of quiet (or a flush), the next scripted transcript is
 * reported as final after {@code finalDelay}, then END_OF_SPEECH. After 200 ms of speech the
 * transcript's first word comes as an interim result. So "the caller says X" is: push a tone burst
 * and script X.
 */
public final class FakeStt extends Stt {

    private static final double SPEECH_DBFS = -40;

    private final ConcurrentLinkedQueue<String> transcripts = new ConcurrentLinkedQueue<>();
    private volatile Duration endSilence = Duration.ofMillis(100);
    private volatile Duration finalDelay = Duration.ZERO;
    private volatile @Nullable ProviderException failure;

    public FakeStt() {
        super("fake.stt", new SttCapabilities(true, true));
        setConnectOptions(ConnectOptions.DEFAULT.withMaxRetries(0));
    }

    /** The next utterance heard is recognised as this text. */
    public FakeStt willHear(String text) {
        transcripts.add(text);
        return this;
    }

    public FakeStt latency(Duration endOfSpeechSilence, Duration delayOfFinal) {
        this.endSilence = endOfSpeechSilence;
        this.finalDelay = delayOfFinal;
        return this;
    }

    /** The next stream (and one-shot call) fails with this; {@code null} to work again. */
    public FakeStt failWith(@Nullable ProviderException error) {
        this.failure = error;
        return this;
    }

    public Duration finalDelay() {
        return finalDelay;
    }

    public Duration endSilence() {
        return endSilence;
    }

    @Override
    protected SpeechEvent recognizeOnce(List<AudioFrame> audio, @Nullable String language, ConnectOptions options) {
        ProviderException failed = failure;
        if (failed != null) {
            throw failed;
        }
        String text = transcripts.poll();
        return SpeechEvent.transcript(
                true, SpeechData.of(text == null ? "" : text, language == null ? "de" : language), null);
    }

    @Override
    protected SttStream newStream(@Nullable String language, ConnectOptions options) {
        String lang = language == null ? "de" : language;
        return new SttStream(this, language, options) {
            @Override
            protected void run(StreamInput<AudioFrame> in, Consumer<SpeechEvent> out) throws Exception {
                long speech = 0;
                long quiet = 0;
                boolean interimSent = false;
                for (Object item = in.next(); item != StreamInput.END; item = in.next()) {
                    ProviderException failed = failure;
                    if (failed != null) {
                        throw failed;
                    }
                    boolean flush = item == StreamInput.FLUSH;
                    if (!flush) {
                        AudioFrame frame = (AudioFrame) item;
                        if (AudioLevels.dbfs(frame) > SPEECH_DBFS) {
                            if (speech == 0) {
                                out.accept(SpeechEvent.of(SpeechEvent.Type.START_OF_SPEECH));
                            }
                            speech += frame.durationNanos();
                            quiet = 0;
                        } else if (speech > 0) {
                            quiet += frame.durationNanos();
                        }
                        String next = transcripts.peek();
                        if (!interimSent
                                && next != null
                                && speech >= Duration.ofMillis(200).toNanos()) {
                            out.accept(SpeechEvent.transcript(false, SpeechData.of(next.split(" ")[0], lang), null));
                            interimSent = true;
                        }
                    }
                    if (speech > 0 && (flush || quiet >= endSilence.toNanos())) {
                        Thread.sleep(finalDelay);
                        String text = transcripts.poll();
                        if (text != null) {
                            out.accept(SpeechEvent.transcript(true, SpeechData.of(text, lang), null));
                        }
                        out.accept(SpeechEvent.of(SpeechEvent.Type.END_OF_SPEECH));
                        speech = 0;
                        quiet = 0;
                        interimSent = false;
                    }
                }
            }
        };
    }
}
