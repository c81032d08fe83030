package dev.sofia.agents.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.http.HttpResponse;
import com.openai.models.audio.speech.SpeechCreateParams;
import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.SynthesizedAudio;
import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One text spoken by {@link OpenAiTts}: the PCM body is read as it arrives and each read becomes a
 * piece of audio at once (the first sound plays while the rest is still being synthesised); an
 * empty piece marks the end, since only the end of the body tells which piece was the last.
 * {@link #close()} cancels the HTTP call.
 */
final class OpenAiSynthesis extends ChunkedSynthesis {

    /** 100 ms of 24 kHz mono; a read returns whatever has arrived, up to this. */
    private static final int READ_BYTES = 4800;

    private final OpenAIClient client;
    private final SpeechCreateParams params;
    private volatile HttpCall call = new HttpCall();

    OpenAiSynthesis(
            OpenAiTts tts, OpenAIClient client, SpeechCreateParams params, String text, ConnectOptions options) {
        super(tts, text, options);
        this.client = client;
        this.params = params;
    }

    @Override
    protected void run(StreamInput<Void> in, Consumer<SynthesizedAudio> out) {
        HttpCall attempt = new HttpCall();
        call = attempt;
        if (isClosed()) {
            return;
        }
        try (HttpResponse response =
                attempt.run(() -> client.audio().speech().create(params, OpenAiClients.requestOptions(options())))) {
            String segmentId = response.headers().values("x-request-id").stream()
                    .findFirst()
                    .orElseGet(() -> "tts_" + UUID.randomUUID());
            PcmChunker pcm = new PcmChunker(OpenAiTts.SAMPLE_RATE, 1);
            InputStream body = response.body();
            byte[] buffer = new byte[READ_BYTES];
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                AudioFrame frame = pcm.push(buffer, read);
                if (frame != null) {
                    out.accept(new SynthesizedAudio(frame, segmentId, false, ""));
                }
            }
            out.accept(new SynthesizedAudio(AudioFrame.silence(OpenAiTts.SAMPLE_RATE, 1, 0), segmentId, true, ""));
        } catch (IOException | RuntimeException e) {
            throw OpenAiErrors.map(provider().label(), e, "speech", options().timeout());
        }
    }

    @Override
    public void close() {
        super.close();
        call.cancel();
    }
}
