package dev.sofia.agents.cartesia;

import static dev.sofia.agents.cartesia.TtsHelpers.FAST;
import static dev.sofia.agents.cartesia.TtsHelpers.bySegment;
import static dev.sofia.agents.cartesia.TtsHelpers.drain;
import static dev.sofia.agents.cartesia.TtsHelpers.pcm;
import static dev.sofia.agents.cartesia.TtsHelpers.tts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.testkit.cartesia.FakeCartesiaServer;
import dev.sofia.agents.testkit.cartesia.FakeCartesiaSession;
import dev.sofia.agents.tts.SynthesizedAudio;
import dev.sofia.agents.tts.TtsMetrics;
import dev.sofia.agents.tts.TtsStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CartesiaTtsStreamTests {

    private final FakeCartesiaServer server = FakeCartesiaServer.start(TtsHelpers.KEY);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachFlushIsASegmentWhoseAudioIsExactlyWhatTheServerSent() throws Exception {
        List<SynthesizedAudio> pieces;
        try (TtsStream stream = tts(server, FAST).stream()) {
            stream.pushText("Guten Tag, ");
            stream.pushText("wie kann ich helfen?");
            stream.flush();
            stream.pushText("Bis bald.");
            stream.flush();
            stream.endInput();
            pieces = drain(stream);
        }

        FakeCartesiaSession session = server.sessions().getFirst();
        Map<String, List<SynthesizedAudio>> segments = bySegment(pieces);
        assertThat(segments.keySet()).containsExactlyElementsOf(session.contexts());
        assertThat(segments).hasSize(2);
        for (Map.Entry<String, List<SynthesizedAudio>> segment : segments.entrySet()) {
            List<SynthesizedAudio> audio = segment.getValue();
            assertThat(audio.getLast().isFinal()).isTrue();
            assertThat(audio.subList(0, audio.size() - 1)).noneMatch(SynthesizedAudio::isFinal);
            assertThat(pcm(audio)).isEqualTo(session.audioSent(segment.getKey()));
            assertThat(audio).allSatisfy(p -> {
                assertThat(p.frame().sampleRate()).isEqualTo(24000);
                assertThat(p.frame().channels()).isEqualTo(1);
            });
        }
        List<String> contexts = session.contexts();
        assertThat(session.transcript(contexts.get(0))).isEqualTo("Guten Tag, wie kann ich helfen?");
        assertThat(session.transcript(contexts.get(1))).isEqualTo("Bis bald.");
        assertThat(session.audioSent(contexts.get(0)))
                .isEqualTo(concat(
                        FakeCartesiaServer.pcm("Guten Tag, ", 24000),
                        FakeCartesiaServer.pcm("wie kann ich helfen?", 24000)));
        assertThat(spokenWords(segments.get(contexts.get(0)))).isEqualTo("Guten Tag, wie kann ich helfen?");
        // the client's close frame reaches the server's socket a moment after the stream is closed
        assertThat(session.awaitEnd(Duration.ofSeconds(5))).isTrue();
        assertThat(session.closeCode()).isEqualTo(1000);
    }

    @Test
    void textGoesOutAtOnceWithContinueAndTheFlushEndsTheContext() throws Exception {
        try (TtsStream stream = tts(server, FAST).stream()) {
            stream.pushText("Hallo ");
            stream.pushText("Welt.");
            stream.flush();
            stream.endInput();
            drain(stream);
        }
        FakeCartesiaSession session = server.sessions().getFirst();
        assertThat(session.version()).isEqualTo(CartesiaTtsOptions.DEFAULT_VERSION);
        assertThat(session.query().get("cartesia_version")).containsExactly(CartesiaTtsOptions.DEFAULT_VERSION);
        List<JsonNode> requests = session.requestsJson();
        assertThat(requests).extracting(r -> r.path("transcript").asString()).containsExactly("Hallo ", "Welt.", "");
        assertThat(requests).extracting(r -> r.path("continue").asBoolean()).containsExactly(true, true, false);
        assertThat(requests)
                .extracting(r -> r.path("context_id").asString())
                .containsOnly(session.contexts().getFirst());
        JsonNode first = requests.getFirst();
        assertThat(first.path("model_id").asString()).isEqualTo("sonic-2");
        assertThat(first.path("language").asString()).isEqualTo("de");
        assertThat(first.path("voice").path("mode").asString()).isEqualTo("id");
        assertThat(first.path("voice").path("id").asString()).isEqualTo(TtsHelpers.VOICE);
        assertThat(first.path("output_format").path("container").asString()).isEqualTo("raw");
        assertThat(first.path("output_format").path("encoding").asString()).isEqualTo("pcm_s16le");
        assertThat(first.path("output_format").path("sample_rate").asInt()).isEqualTo(24000);
        assertThat(first.path("add_timestamps").asBoolean()).isTrue();
        assertThat(first.has("generation_config")).isFalse();
    }

    @Test
    void speedGoesWhereTheModelFamilyReadsIt() throws Exception {
        CartesiaTtsOptions base =
                CartesiaTtsOptions.of(TtsHelpers.KEY, TtsHelpers.VOICE).withBaseUrl(server.baseUrl());
        for (CartesiaTtsOptions settings :
                List.of(base.withSpeed(-0.3), base.withModel("sonic-3").withSpeed(1.2))) {
            try (TtsStream stream = tts(settings, FAST).stream()) {
                stream.pushText("Ja.");
                stream.endInput();
                drain(stream);
            }
        }
        JsonNode sonic2 = server.sessions().get(0).requestsJson().getFirst();
        JsonNode sonic3 = server.sessions().get(1).requestsJson().getFirst();
        assertThat(sonic2.at("/voice/__experimental_controls/speed").asDouble()).isEqualTo(-0.3);
        assertThat(sonic3.at("/generation_config/speed").asDouble()).isEqualTo(1.2);
    }

    @Test
    void aFlushWithoutTextGivesAnEmptyFinalPiece() throws Exception {
        try (TtsStream stream = tts(server, FAST).stream()) {
            stream.flush();
            stream.endInput();
            assertThat(drain(stream)).singleElement().satisfies(p -> {
                assertThat(p.isFinal()).isTrue();
                assertThat(p.frame().samplesPerChannel()).isZero();
            });
        }
        assertThat(server.sessions().getFirst().requests()).isEmpty();
    }

    @Test
    void laterSegmentsWaitForEarlierOnesAndTimeToFirstAudioIsMeasured() throws Exception {
        server.firstChunkLatency(Duration.ofMillis(300))
                .chunkInterval(Duration.ofMillis(20))
                .chunkBytes(960);
        CartesiaTts tts = tts(server, FAST);
        List<TtsMetrics> metrics = new CopyOnWriteArrayList<>();
        tts.addListener(event -> {
            if (event instanceof TtsMetrics m) {
                metrics.add(m);
            }
        });
        List<SynthesizedAudio> pieces;
        try (TtsStream stream = tts.stream()) {
            stream.pushText("Erstens.");
            stream.flush();
            stream.pushText("Zweitens.");
            stream.flush();
            stream.endInput();
            pieces = drain(stream);
        }
        List<String> order = new ArrayList<>();
        pieces.forEach(p -> {
            if (order.isEmpty() || !order.getLast().equals(p.segmentId())) {
                order.add(p.segmentId());
            }
        });
        assertThat(order).containsExactlyElementsOf(server.sessions().getFirst().contexts());
        assertThat(metrics).singleElement().satisfies(m -> {
            assertThat(m.timeToFirstByte()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
            assertThat(m.characters()).isEqualTo("Erstens.Zweitens.".length());
            assertThat(m.audioDuration()).isEqualTo(Duration.ofMillis(170));
        });
    }

    private static String spokenWords(List<SynthesizedAudio> pieces) {
        return String.join(
                " ",
                pieces.stream()
                        .map(SynthesizedAudio::text)
                        .filter(t -> !t.isEmpty())
                        .toList());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
