package dev.sofia.agents.cartesia;

import static dev.sofia.agents.cartesia.TtsHelpers.FAST;
import static dev.sofia.agents.cartesia.TtsHelpers.drain;
import static dev.sofia.agents.cartesia.TtsHelpers.errors;
import static dev.sofia.agents.cartesia.TtsHelpers.pcm;
import static dev.sofia.agents.cartesia.TtsHelpers.tts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderError;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.provider.ProviderTimeoutException;
import dev.sofia.agents.testkit.cartesia.FakeCartesiaServer;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.SynthesizedAudio;
import dev.sofia.agents.tts.TtsStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CartesiaTtsFailureTests {

    private static final ConnectOptions NO_RETRY = new ConnectOptions(0, Duration.ZERO, Duration.ofMillis(300));

    private final FakeCartesiaServer server = FakeCartesiaServer.start(TtsHelpers.KEY);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aWrongKeyIsRefusedWith401AndNotRetried() {
        CartesiaTts tts =
                tts(CartesiaTtsOptions.of("sk_car_wrong", TtsHelpers.VOICE).withBaseUrl(server.baseUrl()), FAST);
        List<ProviderError> errors = errors(tts);
        try (ChunkedSynthesis synthesis = tts.synthesize("Hallo.")) {
            assertThatThrownBy(() -> drain(synthesis))
                    .asInstanceOf(type(ProviderStatusException.class))
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).doesNotContain("sk_car_wrong");
                    });
        }
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(errors)
                .singleElement()
                .satisfies(e -> assertThat(e.retrying()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502})
    void aRetryableRefusalIsRetriedUntilTheServerAccepts(int status) throws Exception {
        server.rejectRequests(status, 2);
        CartesiaTts tts = tts(server, FAST);
        List<ProviderError> errors = errors(tts);
        try (TtsStream stream = tts.stream()) {
            stream.pushText("Einen Moment.");
            stream.endInput();
            assertThat(pcm(drain(stream))).isEqualTo(FakeCartesiaServer.pcm("Einen Moment.", 24000));
        }
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(errors).hasSize(2).allSatisfy(e -> assertThat(e.retrying()).isTrue());
    }

    @Test
    void aConnectionDroppedBeforeAudioIsRetriedWithTheTextAlreadySent() throws Exception {
        server.dropConnectionAfterChunks(0);
        CartesiaTts tts = tts(server, FAST);
        List<ProviderError> errors = errors(tts);
        try (TtsStream stream = tts.stream()) {
            stream.pushText("Ich schaue ");
            stream.pushText("nach.");
            stream.flush();
            stream.endInput();
            assertThat(pcm(drain(stream)))
                    .isEqualTo(concat(
                            FakeCartesiaServer.pcm("Ich schaue ", 24000), FakeCartesiaServer.pcm("nach.", 24000)));
        }
        assertThat(server.sessions()).hasSize(2);
        assertThat(server.sessions()
                        .get(1)
                        .transcript(server.sessions().get(1).contexts().getFirst()))
                .isEqualTo("Ich schaue nach.");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.retrying()).isTrue();
            assertThat(e.error()).isInstanceOf(ProviderConnectionException.class);
        });
    }

    @Test
    void aConnectionDroppedAfterAudioFailsTheStreamWithoutRetrying() throws Exception {
        server.dropConnectionAfterChunks(2).chunkBytes(480);
        List<SynthesizedAudio> heard = new ArrayList<>();
        try (TtsStream stream = tts(server, FAST).stream()) {
            stream.pushText("Das wird nicht ganz gesagt.");
            stream.flush();
            assertThatThrownBy(() -> {
                        for (SynthesizedAudio piece = stream.next(); piece != null; piece = stream.next()) {
                            heard.add(piece);
                        }
                    })
                    .isInstanceOf(ProviderConnectionException.class);
        }
        assertThat(heard).hasSize(2);
        assertThat(pcm(heard))
                .isEqualTo(
                        server.sessions().getFirst().audioSent(heard.getFirst().segmentId()));
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aServerErrorMessageBeforeAudioIsRetried() throws Exception {
        server.errorAfterChunks(0, 500, "Internal error");
        try (ChunkedSynthesis synthesis = tts(server, FAST).synthesize("Gern.")) {
            assertThat(pcm(drain(synthesis))).isEqualTo(FakeCartesiaServer.pcm("Gern.", 24000));
        }
        assertThat(server.sessions()).hasSize(2);
    }

    @Test
    void aBadRequestErrorMessageIsNotRetried() {
        server.errorAfterChunks(0, 400, "Invalid voice");
        try (ChunkedSynthesis synthesis = tts(server, FAST).synthesize("Gern.")) {
            assertThatThrownBy(() -> drain(synthesis))
                    .asInstanceOf(type(ProviderStatusException.class))
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.getMessage()).contains("Invalid voice");
                    });
        }
        assertThat(server.sessions()).hasSize(1);
    }

    @Test
    void audioThatDoesNotComeTimesOut() {
        server.firstChunkLatency(Duration.ofSeconds(2));
        try (TtsStream stream = tts(server, NO_RETRY).stream()) {
            stream.pushText("Hallo?");
            stream.flush();
            assertThatThrownBy(() -> drain(stream))
                    .isInstanceOf(ProviderTimeoutException.class)
                    .hasMessageContaining("audio");
        }
    }

    @Test
    void aSlowHandshakeTimesOut() {
        server.handshakeDelay(Duration.ofSeconds(1));
        try (ChunkedSynthesis synthesis = tts(server, NO_RETRY).synthesize("Hallo?")) {
            assertThatThrownBy(() -> drain(synthesis))
                    .isInstanceOf(ProviderTimeoutException.class)
                    .hasMessageContaining("handshake");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
