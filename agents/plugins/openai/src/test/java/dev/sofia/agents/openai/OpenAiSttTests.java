package dev.sofia.agents.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.ToneGenerator;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.provider.ProviderTimeoutException;
import dev.sofia.agents.stt.SpeechEvent;
import dev.sofia.agents.testkit.openai.ErrorReply;
import dev.sofia.agents.testkit.openai.FakeEndpoint;
import dev.sofia.agents.testkit.openai.FakeLatency;
import dev.sofia.agents.testkit.openai.FakeOpenAiRequest;
import dev.sofia.agents.testkit.openai.FakeOpenAiServer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiSttTests {

    private final FakeOpenAiServer server = FakeOpenAiServer.start("sk-test-stt");
    private final OpenAiStt stt = new OpenAiStt(
            OpenAiSttOptions.of(server.apiKey()).withBaseUrl(server.baseUrl()).withPrompt("Zahnarztpraxis Dr. Weiß"));

    {
        stt.setConnectOptions(new ConnectOptions(2, Duration.ofMillis(20), Duration.ofSeconds(5)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void uploadsTheUtteranceAsWavAndReturnsTheTranscript() throws Exception {
        server.enqueueTranscription("Ich hätte gern einen Termin.");
        List<AudioFrame> audio = utterance(50); // 500 ms at 16 kHz

        SpeechEvent result = stt.recognize(audio, "de-DE");

        assertThat(result.type()).isEqualTo(SpeechEvent.Type.FINAL_TRANSCRIPT);
        assertThat(result.text()).isEqualTo("Ich hätte gern einen Termin.");
        assertThat(result.alternatives().getFirst().language()).isEqualTo("de-DE");
        assertThat(result.audioDuration()).isEqualTo(Duration.ofMillis(500));
        FakeOpenAiRequest sent = server.requests(FakeEndpoint.TRANSCRIPTIONS).getFirst();
        assertThat(sent.header("Authorization")).isEqualTo("Bearer sk-test-stt");
        assertThat(sent.form())
                .containsEntry("model", "gpt-4o-transcribe")
                .containsEntry("language", "de")
                .containsEntry("prompt", "Zahnarztpraxis Dr. Weiß");
        assertThat(sent.file()).isNotNull();
        assertThat(sent.file().filename()).isEqualTo("audio.wav");
        byte[] wav = sent.file().bytes();
        assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(header.getShort(22)).as("channels").isEqualTo((short) 1);
        assertThat(header.getInt(24)).as("sample rate").isEqualTo(16_000);
        assertThat(header.getShort(34)).as("bits").isEqualTo((short) 16);
        assertThat(Arrays.copyOfRange(wav, 44, wav.length))
                .isEqualTo(AudioFrame.concat(audio).toLittleEndianBytes());
    }

    @Test
    void usesTheConfiguredModelAndLanguage() throws Exception {
        OpenAiStt whisper = new OpenAiStt(OpenAiSttOptions.of(server.apiKey())
                .withBaseUrl(server.baseUrl())
                .withModel("whisper-1")
                .withLanguage("en"));
        server.enqueueTranscription("Hello");

        assertThat(whisper.recognize(utterance(10), null).text()).isEqualTo("Hello");
        assertThat(server.requests().getFirst().form())
                .containsEntry("model", "whisper-1")
                .containsEntry("language", "en")
                .doesNotContainKey("prompt");
    }

    @Test
    void retriesServerErrorsAndStopsAtAWrongKey() throws Exception {
        server.enqueueError(FakeEndpoint.TRANSCRIPTIONS, ErrorReply.serverError());
        server.enqueueTranscription("Hallo");

        assertThat(stt.recognize(utterance(10), "de").text()).isEqualTo("Hallo");
        assertThat(server.requests()).hasSize(2);

        OpenAiStt wrongKey = new OpenAiStt(OpenAiSttOptions.of("sk-wrong").withBaseUrl(server.baseUrl()));
        ProviderStatusException e =
                catchThrowableOfType(ProviderStatusException.class, () -> wrongKey.recognize(utterance(10), "de"));
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.retryable()).isFalse();
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void aSlowAnswerTimesOut() {
        server.setLatency(FakeLatency.NONE.withTimeToFirstToken(Duration.ofSeconds(3)));
        server.enqueueTranscription("zu spät");
        stt.setConnectOptions(new ConnectOptions(0, Duration.ZERO, Duration.ofMillis(300)));

        assertThatThrownBy(() -> stt.recognize(utterance(10), "de")).isInstanceOf(ProviderTimeoutException.class);
    }

    @Test
    void streamsOnlyThroughAVad() {
        assertThat(stt.capabilities().streaming()).isFalse();
        assertThatThrownBy(() -> stt.stream("de")).isInstanceOf(UnsupportedOperationException.class);
    }

    private static List<AudioFrame> utterance(int frames) {
        ToneGenerator tone = new ToneGenerator(440, 0.3, 16_000, 1);
        List<AudioFrame> audio = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            audio.add(tone.next10ms());
        }
        return audio;
    }
}
