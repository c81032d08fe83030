package dev.sofia.agents.deepgram;

import static dev.sofia.agents.deepgram.StreamHelpers.FAST;
import static dev.sofia.agents.deepgram.StreamHelpers.drain;
import static dev.sofia.agents.deepgram.StreamHelpers.errors;
import static dev.sofia.agents.deepgram.StreamHelpers.push;
import static dev.sofia.agents.deepgram.StreamHelpers.stt;
import static dev.sofia.agents.stt.SpeechEvent.Type.FINAL_TRANSCRIPT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderError;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.provider.ProviderTimeoutException;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.stt.SttStream;
import dev.sofia.agents.testkit.deepgram.FakeDeepgramServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeepgramSttFailureTests {

    private final FakeDeepgramServer server = FakeDeepgramServer.start(StreamHelpers.KEY);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aWrongKeyIsRefusedWith401AndNotRetried() throws Exception {
        DeepgramStt stt = stt(DeepgramSttOptions.of("wrong-key").withBaseUrl(server.baseUrl()), FAST);
        List<ProviderError> errors = errors(stt);
        try (SttStream stream = stt.stream(null)) {
            assertThatThrownBy(() -> drain(stream))
                    .asInstanceOf(type(ProviderStatusException.class))
                    .satisfies(e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.body()).contains("INVALID_AUTH");
                        assertThat(e.getMessage()).doesNotContain("wrong-key");
                    });
        }
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(errors)
                .singleElement()
                .satisfies(e -> assertThat(e.retrying()).isFalse());
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 503})
    void aRetryableRefusalIsRetriedUntilTheServerAccepts(int status) throws Exception {
        server.rejectRequests(status, 2).utterances("Hallo");
        DeepgramStt stt = stt(server, FAST);
        List<ProviderError> errors = errors(stt);
        try (SttStream stream = stt.stream(null)) {
            push(stream, 1200);
            stream.endInput();
            assertThat(drain(stream)).extracting(SpeechEvent::text).contains("Hallo");
        }
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(errors).hasSize(2).allSatisfy(e -> {
            assertThat(e.retrying()).isTrue();
            assertThat(e.error()).isInstanceOf(ProviderStatusException.class);
        });
    }

    @Test
    void retriesStopAfterMaxRetries() throws Exception {
        server.rejectRequests(500, 10);
        try (SttStream stream = stt(server, FAST.withMaxRetries(2)).stream(null)) {
            stream.endInput();
            assertThatThrownBy(() -> drain(stream))
                    .asInstanceOf(type(ProviderStatusException.class))
                    .satisfies(e -> assertThat(e.status()).isEqualTo(500));
        }
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void aConnectionDroppedMidStreamIsReopenedAndRecognitionGoesOn() throws Exception {
        server.utterances("Eins zwei", "Drei vier").dropConnectionAfter(Duration.ofMillis(1200));
        DeepgramStt stt = stt(server, FAST);
        List<ProviderError> errors = errors(stt);
        try (SttStream stream = stt.stream(null)) {
            push(stream, 1500);
            assertThat(StreamHelpers.awaitType(stream, FINAL_TRANSCRIPT).text()).isEqualTo("Eins zwei");
            awaitRetry(errors);
            push(stream, 1500); // goes to the second connection, whose script starts again
            stream.endInput();
            assertThat(drain(stream))
                    .filteredOn(e -> e.type() == FINAL_TRANSCRIPT)
                    .extracting(SpeechEvent::text)
                    .containsExactly("Eins zwei");
        }
        assertThat(server.sessions()).hasSize(2);
        assertThat(server.sessions().getFirst().closeCode()).isEqualTo(-1);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.retrying()).isTrue();
            assertThat(e.error()).isInstanceOf(ProviderConnectionException.class);
        });
    }

    @Test
    void undecodableAudioIsADeepgramErrorThatIsNotRetried() throws Exception {
        server.failAfter(Duration.ofMillis(200), "DATA-0000", "The payload cannot be decoded as audio.", 1008);
        try (SttStream stream = stt(server, FAST).stream(null)) {
            push(stream, 500);
            assertThatThrownBy(() -> drain(stream))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("DATA-0000")
                    .satisfies(
                            e -> assertThat(((ProviderException) e).retryable()).isFalse());
        }
        assertThat(server.sessions()).hasSize(1);
    }

    @Test
    void aServiceErrorIsRetriedOnANewConnection() throws Exception {
        server.utterances("Guten Morgen")
                .failAfter(Duration.ofMillis(200), "NET-0000", "The service did not transmit a text frame.", 1011);
        DeepgramStt stt = stt(server, FAST);
        List<ProviderError> errors = errors(stt);
        try (SttStream stream = stt.stream(null)) {
            push(stream, 300);
            awaitRetry(errors);
            push(stream, 1200);
            stream.endInput();
            assertThat(drain(stream)).extracting(SpeechEvent::text).contains("Guten Morgen");
        }
        assertThat(server.sessions()).hasSize(2);
    }

    @Test
    void aSlowHandshakeTimesOut() throws Exception {
        server.handshakeDelay(Duration.ofSeconds(1));
        ConnectOptions options = new ConnectOptions(0, Duration.ZERO, Duration.ofMillis(200));
        try (SttStream stream = stt(server, options).stream(null)) {
            long started = System.nanoTime();
            assertThatThrownBy(() -> drain(stream))
                    .isInstanceOf(ProviderTimeoutException.class)
                    .hasMessageContaining("handshake");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
        }
    }

    @Test
    void finalResultsThatDoNotComeAfterCloseStreamTimeOut() throws Exception {
        server.transcriptLatency(Duration.ofSeconds(2));
        ConnectOptions options = new ConnectOptions(0, Duration.ZERO, Duration.ofMillis(300));
        try (SttStream stream = stt(server, options).stream(null)) {
            push(stream, 100);
            stream.endInput();
            assertThatThrownBy(() -> drain(stream))
                    .isInstanceOf(ProviderTimeoutException.class)
                    .hasMessageContaining("CloseStream");
        }
    }

    /** Audio pushed before the client noticed the failure would go to the broken connection. */
    private static void awaitRetry(List<ProviderError> errors) throws InterruptedException {
        for (int i = 0; i < 500 && errors.isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertThat(errors).as("a failure reported for retry").isNotEmpty();
    }
}
