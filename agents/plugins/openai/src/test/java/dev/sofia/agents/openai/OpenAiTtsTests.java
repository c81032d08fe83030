package dev.sofia.agents.openai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.provider.ProviderTimeoutException;
import dev.sofia.agents.testkit.openai.ErrorReply;
import dev.sofia.agents.testkit.openai.FakeEndpoint;
import dev.sofia.agents.testkit.openai.FakeLatency;
import dev.sofia.agents.testkit.openai.FakeOpenAiServer;
import dev.sofia.agents.testkit.openai.SpeechReply;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.SynthesizedAudio;
import dev.sofia.agents.tts.TtsStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenAiTtsTests {

    private final FakeOpenAiServer server = FakeOpenAiServer.start("sk-test-tts");
    private final OpenAiTts tts = new OpenAiTts(OpenAiTtsOptions.of(server.apiKey())
            .withBaseUrl(server.baseUrl())
            .withVoice("coral")
            .withInstructions("Freundlich und ruhig.")
            .withSpeed(1.1));

    {
        tts.setConnectOptions(new ConnectOptions(2, Duration.ofMillis(20), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void passesOnExactlyTheBytesSentEvenInOddChunks() throws Exception {
        byte[] pcm = pcm(24_000); // 500 ms
        server.enqueueSpeech(SpeechReply.of(pcm).withChunkBytes(333));
        server.setLatency(FakeLatency.NONE.withBetweenAudioChunks(Duration.ofMillis(1)));

        List<SynthesizedAudio> pieces = drain(tts.synthesize("Guten Tag, Praxis Dr. Weiß."));

        assertSameBytes(bytesOf(pieces), pcm);
        assertThat(pieces.size()).as("streamed in pieces, not at the end").isGreaterThan(2);
        assertThat(pieces.getLast().isFinal()).isTrue();
        assertThat(pieces.subList(0, pieces.size() - 1)).noneMatch(SynthesizedAudio::isFinal);
        assertThat(pieces).allSatisfy(p -> {
            assertThat(p.frame().sampleRate()).isEqualTo(24_000);
            assertThat(p.frame().channels()).isEqualTo(1);
        });
        JsonNode sent = server.requests(FakeEndpoint.SPEECH).getFirst().requireJson();
        assertThat(server.requests().getFirst().header("Authorization")).isEqualTo("Bearer sk-test-tts");
        assertThat(sent.path("input").asString()).isEqualTo("Guten Tag, Praxis Dr. Weiß.");
        assertThat(sent.path("model").asString()).isEqualTo("gpt-4o-mini-tts");
        assertThat(sent.path("voice").asString()).isEqualTo("coral");
        assertThat(sent.path("response_format").asString()).isEqualTo("pcm");
        assertThat(sent.path("instructions").asString()).isEqualTo("Freundlich und ruhig.");
        assertThat(sent.path("speed").asDouble()).isEqualTo(1.1);
    }

    @Test
    void speaksAStreamSentenceBySentence() throws Exception {
        byte[] first = pcm(4_800);
        byte[] second = pcm(7_200);
        server.enqueueSpeech(SpeechReply.of(first));
        server.enqueueSpeech(SpeechReply.of(second));

        List<SynthesizedAudio> pieces = new ArrayList<>();
        try (TtsStream stream = tts.stream()) {
            stream.pushText("Guten Tag, hier spricht Sofia von der Zahnarztpraxis. Wie kann");
            stream.pushText(" ich Ihnen heute helfen?");
            stream.endInput();
            for (SynthesizedAudio piece = stream.next(); piece != null; piece = stream.next()) {
                pieces.add(piece);
            }
        }

        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(first);
        expected.write(second);
        assertThat(server.requests(FakeEndpoint.SPEECH))
                .extracting(r -> r.requireJson().path("input").asString())
                .containsExactly(
                        "Guten Tag, hier spricht Sofia von der Zahnarztpraxis.", "Wie kann ich Ihnen heute helfen?");
        assertSameBytes(bytesOf(pieces), expected.toByteArray());
    }

    @Test
    void retriesARateLimitBeforeTheFirstAudio() throws Exception {
        byte[] pcm = pcm(4_800);
        server.enqueueError(FakeEndpoint.SPEECH, ErrorReply.rateLimited());
        server.enqueueSpeech(SpeechReply.of(pcm));

        assertSameBytes(bytesOf(drain(tts.synthesize("Hallo"))), pcm);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aWrongKeyFailsAtOnce() {
        OpenAiTts wrongKey = new OpenAiTts(OpenAiTtsOptions.of("sk-wrong").withBaseUrl(server.baseUrl()));

        ProviderException e = failureOf(wrongKey.synthesize("Hallo"));

        assertThat(e).isInstanceOf(ProviderStatusException.class);
        assertThat(((ProviderStatusException) e).status()).isEqualTo(401);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aConnectionDroppedMidAudioFailsWithoutRepeatingIt() {
        server.enqueueSpeech(SpeechReply.of(pcm(24_000)).withChunkBytes(4_800).droppingAfter(9_600));
        server.enqueueSpeech(SpeechReply.of(pcm(24_000)));

        ProviderException e = failureOf(tts.synthesize("Hallo"));

        assertThat(e).isInstanceOf(ProviderConnectionException.class);
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aSlowFirstByteTimesOut() {
        server.setLatency(FakeLatency.NONE.withTimeToFirstAudioByte(Duration.ofSeconds(3)));
        server.enqueueSpeech(SpeechReply.of(pcm(4_800)));
        tts.setConnectOptions(new ConnectOptions(0, Duration.ZERO, Duration.ofMillis(300)));

        assertThat(failureOf(tts.synthesize("Hallo"))).isInstanceOf(ProviderTimeoutException.class);
    }

    @Test
    void closingCancelsTheDownload() throws Exception {
        server.enqueueSpeech(SpeechReply.of(pcm(240_000)).withChunkBytes(960));
        server.setLatency(FakeLatency.NONE.withBetweenAudioChunks(Duration.ofMillis(10)));
        ChunkedSynthesis synthesis = tts.synthesize("Ein langer Text");

        assertThat(synthesis.next()).isNotNull();
        synthesis.close();

        assertThat(synthesis.next()).isNull();
        assertThat(server.awaitClientDisconnect(Duration.ofSeconds(5))).isTrue();
    }

    private static List<SynthesizedAudio> drain(ChunkedSynthesis synthesis) throws InterruptedException {
        try (synthesis) {
            List<SynthesizedAudio> pieces = new ArrayList<>();
            for (SynthesizedAudio piece = synthesis.next(); piece != null; piece = synthesis.next()) {
                pieces.add(piece);
            }
            return pieces;
        }
    }

    private static ProviderException failureOf(ChunkedSynthesis synthesis) {
        try {
            drain(synthesis);
        } catch (ProviderException e) {
            return e;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the synthesis did not fail");
    }

    private static byte[] bytesOf(List<SynthesizedAudio> pieces) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        pieces.forEach(p -> bytes.writeBytes(p.frame().toLittleEndianBytes()));
        return bytes.toByteArray();
    }

    /** Like isEqualTo, but says where the bytes differ instead of printing them all. */
    private static void assertSameBytes(byte[] actual, byte[] expected) {
        assertThat(Arrays.mismatch(actual, expected))
                .as("first differing byte of %d received, %d expected", actual.length, expected.length)
                .isEqualTo(-1);
    }

    /** Random 16-bit samples: any byte misalignment would show as a difference. */
    private static byte[] pcm(int samples) {
        byte[] bytes = new byte[samples * 2];
        new Random(samples).nextBytes(bytes);
        return bytes;
    }
}
