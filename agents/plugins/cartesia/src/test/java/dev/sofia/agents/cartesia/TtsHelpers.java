package dev.sofia.agents.cartesia;

import static org.assertj.core.api.Assertions.fail;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderError;
import dev.sofia.agents.provider.ProviderStream;
import dev.sofia.agents.testkit.cartesia.FakeCartesiaServer;
import dev.sofia.agents.tts.SynthesizedAudio;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A client wired to a fake server, and collecting what it says; shared by the Cartesia tests. */
final class TtsHelpers {

    static final String KEY = "sk_car_test";
    static final String VOICE = "a0e99841-438c-4a64-b679-ae501e7d6091";

    /** Quick retries; a generous timeout, as a loaded build machine can take seconds to connect. */
    static final ConnectOptions FAST = new ConnectOptions(3, Duration.ofMillis(20), Duration.ofSeconds(10));

    private TtsHelpers() {}

    static CartesiaTts tts(FakeCartesiaServer server, ConnectOptions options) {
        return tts(CartesiaTtsOptions.of(KEY, VOICE).withBaseUrl(server.baseUrl()), options);
    }

    static CartesiaTts tts(CartesiaTtsOptions settings, ConnectOptions options) {
        CartesiaTts tts = new CartesiaTts(settings);
        tts.setConnectOptions(options);
        return tts;
    }

    /** Every piece until the stream ends; fails if one takes longer than 5 s. */
    static List<SynthesizedAudio> drain(ProviderStream<?, SynthesizedAudio> stream) throws InterruptedException {
        List<SynthesizedAudio> pieces = new ArrayList<>();
        while (true) {
            SynthesizedAudio piece = stream.poll(Duration.ofSeconds(5));
            if (piece == null) {
                if (!stream.isFinished()) {
                    fail("no audio within 5 s; so far " + pieces.size() + " pieces");
                }
                return pieces;
            }
            pieces.add(piece);
        }
    }

    /** The pieces grouped by segment, segments in the order they came. */
    static Map<String, List<SynthesizedAudio>> bySegment(List<SynthesizedAudio> pieces) {
        Map<String, List<SynthesizedAudio>> segments = new LinkedHashMap<>();
        for (SynthesizedAudio piece : pieces) {
            segments.computeIfAbsent(piece.segmentId(), id -> new ArrayList<>()).add(piece);
        }
        return segments;
    }

    /** The PCM of the pieces, joined, as little-endian bytes (the wire format). */
    static byte[] pcm(List<SynthesizedAudio> pieces) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pieces.forEach(p -> bytes.writeBytes(p.frame().toLittleEndianBytes()));
        return bytes.toByteArray();
    }

    /** Collects the errors a provider reports. */
    static List<ProviderError> errors(CartesiaTts tts) {
        List<ProviderError> errors = new CopyOnWriteArrayList<>();
        tts.addListener(event -> {
            if (event instanceof ProviderError error) {
                errors.add(error);
            }
        });
        return errors;
    }
}
