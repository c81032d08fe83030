package dev.sofia.agents.deepgram;

import static dev.sofia.agents.deepgram.StreamHelpers.FAST;
import static dev.sofia.agents.deepgram.StreamHelpers.audio;
import static dev.sofia.agents.deepgram.StreamHelpers.errors;
import static dev.sofia.agents.deepgram.StreamHelpers.stt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderError;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.provider.ProviderTimeoutException;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.stt.SttMetrics;
import dev.sofia.agents.testkit.deepgram.FakeDeepgramServer;
import dev.sofia.agents.testkit.deepgram.FakeDeepgramServer.PrerecordedRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeepgramSttOneShotTests {

    private final FakeDeepgramServer server = FakeDeepgramServer.start(StreamHelpers.KEY);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aFinishedUtteranceIsPostedAsWavAndComesBackAsAFinalTranscript() throws Exception {
        server.utterances("Ich brauche einen Termin");
        DeepgramStt stt = stt(server, FAST);
        List<SttMetrics> metrics = new CopyOnWriteArrayList<>();
        stt.addListener(event -> {
            if (event instanceof SttMetrics m) {
                metrics.add(m);
            }
        });

        SpeechEvent result = stt.recognize(audio(1000), "en");

        assertThat(result.type()).isEqualTo(SpeechEvent.Type.FINAL_TRANSCRIPT);
        assertThat(result.text()).isEqualTo("Ich brauche einen Termin");
        assertThat(result.requestId()).isNotBlank();
        assertThat(result.alternatives().getFirst().language()).isEqualTo("en");
        assertThat(result.alternatives().getFirst().end()).isEqualTo(Duration.ofSeconds(1));
        PrerecordedRequest request = server.prerecorded().getFirst();
        assertThat(request.contentType()).isEqualTo("audio/wav");
        assertThat(request.bodyBytes()).isEqualTo(44 + 16000 * 2);
        assertThat(request.query().get("language")).containsExactly("en");
        assertThat(request.query().get("model")).containsExactly("nova-3");
        assertThat(request.query()).doesNotContainKeys("encoding", "interim_results");
        assertThat(metrics).singleElement().satisfies(m -> {
            assertThat(m.streamed()).isFalse();
            assertThat(m.requestId()).isEqualTo(result.requestId());
            assertThat(m.audioDuration()).isEqualTo(Duration.ofSeconds(1));
        });
    }

    @Test
    void silenceComesBackEmpty() throws Exception {
        assertThat(stt(server, FAST).recognize(audio(500), null).text()).isEmpty();
    }

    @Test
    void aWrongKeyIsNotRetried() {
        DeepgramStt stt = stt(DeepgramSttOptions.of("nope").withBaseUrl(server.baseUrl()), FAST);
        assertThatThrownBy(() -> stt.recognize(audio(100), null))
                .asInstanceOf(type(ProviderStatusException.class))
                .satisfies(e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.retryable()).isFalse();
                });
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorsAreRetried() throws Exception {
        server.utterances("Danke").rejectRequests(500, 1);
        DeepgramStt stt = stt(server, FAST);
        List<ProviderError> errors = errors(stt);

        assertThat(stt.recognize(audio(300), null).text()).isEqualTo("Danke");
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(errors)
                .singleElement()
                .satisfies(e -> assertThat(e.retrying()).isTrue());
    }

    @Test
    void aSlowAnswerTimesOut() {
        server.transcriptLatency(Duration.ofSeconds(2));
        DeepgramStt stt = stt(server, new ConnectOptions(0, Duration.ZERO, Duration.ofMillis(200)));
        assertThatThrownBy(() -> stt.recognize(audio(100), null)).isInstanceOf(ProviderTimeoutException.class);
    }
}
