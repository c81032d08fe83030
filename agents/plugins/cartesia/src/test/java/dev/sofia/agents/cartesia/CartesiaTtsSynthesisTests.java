package dev.sofia.agents.cartesia;

import static dev.sofia.agents.cartesia.TtsHelpers.FAST;
import static dev.sofia.agents.cartesia.TtsHelpers.drain;
import static dev.sofia.agents.cartesia.TtsHelpers.pcm;
import static dev.sofia.agents.cartesia.TtsHelpers.tts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.testkit.cartesia.FakeCartesiaServer;
import dev.sofia.agents.testkit.cartesia.FakeCartesiaSession;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.SynthesizedAudio;
import dev.sofia.agents.tts.TtsMetrics;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CartesiaTtsSynthesisTests {

    private final FakeCartesiaServer server = FakeCartesiaServer.start(TtsHelpers.KEY);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void oneTextIsOneContextSentWhole() throws Exception {
        server.chunkBytes(960);
        CartesiaTts tts = tts(
                CartesiaTtsOptions.of(TtsHelpers.KEY, TtsHelpers.VOICE)
                        .withBaseUrl(server.baseUrl())
                        .withSampleRate(16000)
                        .withLanguage("ru"),
                FAST);
        List<TtsMetrics> metrics = new CopyOnWriteArrayList<>();
        tts.addListener(event -> {
            if (event instanceof TtsMetrics m) {
                metrics.add(m);
            }
        });

        List<SynthesizedAudio> pieces;
        try (ChunkedSynthesis synthesis = tts.synthesize("Здравствуйте!")) {
            pieces = drain(synthesis);
        }

        FakeCartesiaSession session = server.sessions().getFirst();
        assertThat(pcm(pieces)).isEqualTo(FakeCartesiaServer.pcm("Здравствуйте!", 16000));
        assertThat(pieces).hasSizeGreaterThan(3);
        assertThat(pieces.getLast().isFinal()).isTrue();
        assertThat(pieces)
                .extracting(SynthesizedAudio::segmentId)
                .containsOnly(session.contexts().getFirst());
        assertThat(session.requestsJson()).singleElement().satisfies(request -> {
            assertThat(request.path("transcript").asString()).isEqualTo("Здравствуйте!");
            assertThat(request.path("continue").asBoolean()).isFalse();
            assertThat(request.path("language").asString()).isEqualTo("ru");
            assertThat(request.at("/output_format/sample_rate").asInt()).isEqualTo(16000);
        });
        assertThat(metrics).singleElement().satisfies(m -> {
            assertThat(m.characters()).isEqualTo("Здравствуйте!".length());
            assertThat(m.audioDuration()).isEqualTo(Duration.ofMillis(130));
            assertThat(m.cancelled()).isFalse();
        });
    }

    @Test
    void withoutTimestampsThePiecesCarryNoText() throws Exception {
        CartesiaTts tts = tts(
                CartesiaTtsOptions.of(TtsHelpers.KEY, TtsHelpers.VOICE)
                        .withBaseUrl(server.baseUrl())
                        .withWordTimestamps(false),
                FAST);
        try (ChunkedSynthesis synthesis = tts.synthesize("Guten Abend.")) {
            assertThat(drain(synthesis)).extracting(SynthesizedAudio::text).containsOnly("");
        }
        assertThat(server.sessions()
                        .getFirst()
                        .requestsJson()
                        .getFirst()
                        .path("add_timestamps")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void closingCancelsTheSynthesis() throws Exception {
        server.chunkInterval(Duration.ofMillis(50)).chunkBytes(480);
        CartesiaTts tts = tts(server, FAST);
        List<TtsMetrics> metrics = new CopyOnWriteArrayList<>();
        tts.addListener(event -> {
            if (event instanceof TtsMetrics m) {
                metrics.add(m);
            }
        });
        ChunkedSynthesis synthesis = tts.synthesize("Ein langer Satz, der lange dauert.");
        assertThat(synthesis.poll(Duration.ofSeconds(5))).isNotNull();
        synthesis.close();

        assertThat(synthesis.next()).isNull();
        assertThat(server.sessions().getFirst().awaitEnd(Duration.ofSeconds(5))).isTrue();
        for (int i = 0; i < 100 && metrics.isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(metrics)
                .singleElement()
                .satisfies(m -> assertThat(m.cancelled()).isTrue());
    }
}
