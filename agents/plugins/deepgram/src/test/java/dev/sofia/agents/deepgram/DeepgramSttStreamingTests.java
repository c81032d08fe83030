package dev.sofia.agents.deepgram;

import static dev.sofia.agents.deepgram.StreamHelpers.FAST;
import static dev.sofia.agents.deepgram.StreamHelpers.awaitType;
import static dev.sofia.agents.deepgram.StreamHelpers.drain;
import static dev.sofia.agents.deepgram.StreamHelpers.push;
import static dev.sofia.agents.deepgram.StreamHelpers.stt;
import static dev.sofia.agents.deepgram.StreamHelpers.types;
import static dev.sofia.agents.stt.SpeechEvent.Type.END_OF_SPEECH;
import static dev.sofia.agents.stt.SpeechEvent.Type.FINAL_TRANSCRIPT;
import static dev.sofia.agents.stt.SpeechEvent.Type.INTERIM_TRANSCRIPT;
import static dev.sofia.agents.stt.SpeechEvent.Type.RECOGNITION_USAGE;
import static dev.sofia.agents.stt.SpeechEvent.Type.START_OF_SPEECH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.stt.SpeechData;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.stt.SttMetrics;
import dev.sofia.agents.stt.SttStream;
import dev.sofia.agents.testkit.deepgram.FakeDeepgramServer;
import dev.sofia.agents.testkit.deepgram.FakeDeepgramSession;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeepgramSttStreamingTests {

    private final FakeDeepgramServer server = FakeDeepgramServer.start(StreamHelpers.KEY);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void interimAndFinalResultsFollowTheAudioWithTheirTiming() throws Exception {
        server.utterances("Guten Tag", "Ich möchte einen Termin");
        DeepgramStt stt = stt(server, FAST);
        List<SttMetrics> metrics = new CopyOnWriteArrayList<>();
        stt.addListener(event -> {
            if (event instanceof SttMetrics m) {
                metrics.add(m);
            }
        });

        try (SttStream stream = stt.stream(null)) {
            push(stream, 3000);
            stream.endInput();
            List<SpeechEvent> events = drain(stream);

            assertThat(types(events))
                    .containsExactly(
                            START_OF_SPEECH,
                            INTERIM_TRANSCRIPT,
                            FINAL_TRANSCRIPT,
                            END_OF_SPEECH,
                            START_OF_SPEECH,
                            INTERIM_TRANSCRIPT,
                            FINAL_TRANSCRIPT,
                            END_OF_SPEECH,
                            RECOGNITION_USAGE);
            FakeDeepgramSession session = server.sessions().getFirst();
            assertThat(events.get(1).text()).isEqualTo("Guten");
            SpeechData first = events.get(2).alternatives().getFirst();
            assertThat(first.text()).isEqualTo("Guten Tag");
            assertThat(first.language()).isEqualTo("de");
            assertThat(first.confidence()).isEqualTo(0.98);
            assertThat(first.start()).isEqualTo(Duration.ZERO);
            assertThat(first.end()).isEqualTo(Duration.ofSeconds(1));
            assertThat(events.get(2).requestId()).isEqualTo(session.requestId());
            SpeechData second = events.get(6).alternatives().getFirst();
            assertThat(second.text()).isEqualTo("Ich möchte einen Termin");
            assertThat(second.start()).isEqualTo(Duration.ofMillis(1500));
            assertThat(second.end()).isEqualTo(Duration.ofMillis(2500));
            assertThat(events.getLast().audioDuration()).isEqualTo(Duration.ofSeconds(3));
            assertThat(events.getLast().requestId()).isEqualTo(session.requestId());

            assertThat(session.audioBytes()).isEqualTo(3 * 16000 * 2);
            assertThat(session.messageTypes()).containsExactly("CloseStream");
            // the close handshake completes on the server's socket thread, a moment after the last event
            assertThat(session.awaitEnd(Duration.ofSeconds(5))).isTrue();
            assertThat(session.closeCode()).isEqualTo(1000);
        }
        assertThat(metrics).singleElement().satisfies(m -> {
            assertThat(m.streamed()).isTrue();
            assertThat(m.audioDuration()).isEqualTo(Duration.ofSeconds(3));
        });
    }

    @Test
    void theHandshakeCarriesTheOptionsAsQueryParameters() throws Exception {
        DeepgramSttOptions settings = DeepgramSttOptions.of(StreamHelpers.KEY)
                .withBaseUrl(server.baseUrl())
                .withKeyterms(List.of("Zahnreinigung", "Dr. Weber"))
                .withSampleRate(8000)
                .withEndpointingMs(0);
        try (SttStream stream = stt(settings, FAST).stream("ru")) {
            stream.endInput();
            drain(stream);
        }
        FakeDeepgramSession session = server.sessions().getFirst();
        assertThat(session.param("model")).isEqualTo("nova-3");
        assertThat(session.param("language")).isEqualTo("ru");
        assertThat(session.param("encoding")).isEqualTo("linear16");
        assertThat(session.param("sample_rate")).isEqualTo("8000");
        assertThat(session.param("channels")).isEqualTo("1");
        assertThat(session.param("interim_results")).isEqualTo("true");
        assertThat(session.param("endpointing")).isEqualTo("false");
        assertThat(session.param("utterance_end_ms")).isEqualTo("1000");
        assertThat(session.param("smart_format")).isEqualTo("true");
        assertThat(session.param("punctuate")).isEqualTo("true");
        assertThat(session.param("vad_events")).isEqualTo("true");
        assertThat(session.params("keyterm")).containsExactly("Zahnreinigung", "Dr. Weber");
    }

    @Test
    void flushSendsFinalizeAndTheUtteranceInProgressBecomesFinal() throws Exception {
        server.utterances("Hallo Sofia");
        try (SttStream stream = stt(server, FAST).stream(null)) {
            push(stream, 600); // past SpeechStarted and the interim result, short of the end
            assertThat(awaitType(stream, INTERIM_TRANSCRIPT).text()).isEqualTo("Hallo");
            stream.flush();

            SpeechEvent result = awaitType(stream, FINAL_TRANSCRIPT);
            assertThat(result.text()).isEqualTo("Hallo Sofia");
            assertThat(server.sessions().getFirst().messageTypes()).containsExactly("Finalize");
            stream.endInput();
            assertThat(types(drain(stream))).containsExactly(RECOGNITION_USAGE);
        }
        assertThat(server.sessions().getFirst().messageTypes()).containsExactly("Finalize", "CloseStream");
    }

    @Test
    void anUtteranceEndEndsSpeechWhenEndpointingIsOff() throws Exception {
        server.utterances("Ja bitte");
        DeepgramSttOptions settings = DeepgramSttOptions.of(StreamHelpers.KEY)
                .withBaseUrl(server.baseUrl())
                .withEndpointingMs(0);
        try (SttStream stream = stt(settings, FAST).stream(null)) {
            push(stream, 1200);
            stream.endInput();
            // no speech_final without endpointing: UtteranceEnd is what ends the speech
            assertThat(types(drain(stream)))
                    .containsExactly(
                            START_OF_SPEECH, INTERIM_TRANSCRIPT, FINAL_TRANSCRIPT, END_OF_SPEECH, RECOGNITION_USAGE);
        }
    }

    @Test
    void speechFinalEndsSpeechWhenUtteranceEndIsOff() throws Exception {
        server.utterances("Ja bitte");
        DeepgramSttOptions settings = DeepgramSttOptions.of(StreamHelpers.KEY)
                .withBaseUrl(server.baseUrl())
                .withUtteranceEndMs(0);
        try (SttStream stream = stt(settings, FAST).stream(null)) {
            push(stream, 1200);
            stream.endInput();
            assertThat(types(drain(stream)))
                    .containsExactly(
                            START_OF_SPEECH, INTERIM_TRANSCRIPT, FINAL_TRANSCRIPT, END_OF_SPEECH, RECOGNITION_USAGE);
        }
        assertThat(server.sessions().getFirst().param("utterance_end_ms")).isNull();
    }

    @Test
    void aKeepAliveGoesOutWhenNoAudioComes() throws Exception {
        DeepgramSttOptions settings = DeepgramSttOptions.of(StreamHelpers.KEY)
                .withBaseUrl(server.baseUrl())
                .withKeepAliveInterval(Duration.ofMillis(100));
        try (SttStream stream = stt(settings, FAST).stream(null)) {
            server.awaitSession(0, Duration.ofSeconds(5));
            Thread.sleep(600); // 100 ms without audio, six times over
            push(stream, 100);
            stream.endInput();
            drain(stream);
        }
        List<String> types = server.sessions().getFirst().messageTypes();
        assertThat(types.getLast()).isEqualTo("CloseStream");
        // the count depends on scheduling; that they come at all, and nothing else, is the point
        assertThat(types.subList(0, types.size() - 1)).hasSizeBetween(2, 7).containsOnly("KeepAlive");
    }

    @Test
    void audioInAnotherFormatFailsTheStreamWithoutRetrying() throws Exception {
        try (SttStream stream = stt(server, FAST).stream(null)) {
            stream.pushFrame(AudioFrame.silence10ms(48000, 1));
            assertThatThrownBy(() -> drain(stream))
                    .isInstanceOf(ProviderException.class)
                    .hasMessageContaining("expected mono 16000 Hz")
                    .satisfies(
                            e -> assertThat(((ProviderException) e).retryable()).isFalse());
        }
        assertThat(server.sessions()).hasSize(1);
    }
}
