package dev.sofia.agents.deepgram;

import static org.assertj.core.api.Assertions.fail;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderError;
import dev.sofia.agents.provider.ProviderEvent;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.stt.SttStream;
import dev.sofia.agents.testkit.deepgram.FakeDeepgramServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Audio, event collection and a client wired to a fake server, shared by the Deepgram tests. */
final class StreamHelpers {

    static final String KEY = "test-key";

    /** Quick retries; a generous timeout, as a loaded build machine can take seconds to connect. */
    static final ConnectOptions FAST = new ConnectOptions(3, Duration.ofMillis(20), Duration.ofSeconds(10));

    private StreamHelpers() {}

    static DeepgramStt stt(FakeDeepgramServer server, ConnectOptions options) {
        return stt(DeepgramSttOptions.of(KEY).withBaseUrl(server.baseUrl()), options);
    }

    static DeepgramStt stt(DeepgramSttOptions settings, ConnectOptions options) {
        DeepgramStt stt = new DeepgramStt(settings);
        stt.setConnectOptions(options);
        return stt;
    }

    /** {@code millis} of 16 kHz audio in 10 ms frames (a ramp, so it is not all zeros). */
    static List<AudioFrame> audio(int millis) {
        List<AudioFrame> frames = new ArrayList<>();
        for (int f = 0; f < millis / 10; f++) {
            short[] samples = new short[160];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) (i * 50);
            }
            frames.add(new AudioFrame(samples, 16000, 1));
        }
        return frames;
    }

    static void push(SttStream stream, int millis) {
        audio(millis).forEach(stream::pushFrame);
    }

    /** Every event until the stream ends; fails if one takes longer than 5 s. */
    static List<SpeechEvent> drain(SttStream stream) throws InterruptedException {
        List<SpeechEvent> events = new ArrayList<>();
        while (true) {
            SpeechEvent event = stream.poll(Duration.ofSeconds(5));
            if (event == null) {
                if (!stream.isFinished()) {
                    fail("no event within 5 s; so far " + events);
                }
                return events;
            }
            events.add(event);
        }
    }

    /** The next event of {@code type}, skipping others; fails after 5 s. */
    static SpeechEvent awaitType(SttStream stream, SpeechEvent.Type type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            SpeechEvent event = stream.poll(Duration.ofMillis(100));
            if (event != null && event.type() == type) {
                return event;
            }
        }
        return fail("no " + type + " within 5 s");
    }

    static List<SpeechEvent.Type> types(List<SpeechEvent> events) {
        return events.stream().map(SpeechEvent::type).toList();
    }

    /** Collects the errors a provider reports. */
    static List<ProviderError> errors(DeepgramStt stt) {
        List<ProviderError> errors = new CopyOnWriteArrayList<>();
        stt.addListener((ProviderEvent event) -> {
            if (event instanceof ProviderError error) {
                errors.add(error);
            }
        });
        return errors;
    }
}
