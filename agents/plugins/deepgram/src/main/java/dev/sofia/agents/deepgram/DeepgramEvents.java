package dev.sofia.agents.deepgram;

import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.stt.SpeechData;
import dev.sofia.agents.stt.SpeechEvent;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns Deepgram's streaming messages into {@link SpeechEvent}s, keeping the one piece of state the
 * order of events needs: whether the caller is speaking, so that {@code START_OF_SPEECH} and {@code
 * END_OF_SPEECH} alternate even when {@code speech_final} and {@code UtteranceEnd} both report the
 * same end.
 */
final class DeepgramEvents {

    static final JsonMapper JSON = JsonMapper.shared();

    private final String label;
    private final String language;
    private final Consumer<SpeechEvent> out;
    private boolean speaking;

    DeepgramEvents(String label, String language, Consumer<SpeechEvent> out) {
        this.label = label;
        this.language = language;
        this.out = out;
    }

    /** Handles one message; a Deepgram {@code Error} message is thrown. */
    void handle(String json) {
        JsonNode message = JSON.readTree(json);
        switch (message.path("type").asString("")) {
            case "Results" -> results(message);
            case "SpeechStarted" -> startOfSpeech();
            case "UtteranceEnd" -> endOfSpeech();
            case "Metadata" ->
                out.accept(SpeechEvent.usage(
                        seconds(message.path("duration")),
                        message.path("request_id").asString(null)));
            case "Error" -> throw error(label, message);
            default -> {} // message types added later by Deepgram are not ours to fail on
        }
    }

    private void results(JsonNode message) {
        JsonNode best = message.path("channel").path("alternatives").path(0);
        String transcript = best.path("transcript").asString("");
        boolean isFinal = message.path("is_final").asBoolean(false);
        if (!transcript.isBlank()) {
            startOfSpeech(); // a transcript may come before (or without) SpeechStarted
            String requestId = message.path("metadata").path("request_id").asString(null);
            out.accept(SpeechEvent.transcript(isFinal, speechData(message, best, transcript), requestId));
        }
        if (message.path("speech_final").asBoolean(false)) {
            endOfSpeech();
        }
    }

    private SpeechData speechData(JsonNode message, JsonNode best, String transcript) {
        Duration start = seconds(message.path("start"));
        Duration end = start.plus(seconds(message.path("duration")));
        JsonNode words = best.path("words");
        if (!words.isEmpty()) { // the words say where speech is, the result's span includes silence
            start = seconds(words.path(0).path("start"));
            end = seconds(words.path(words.size() - 1).path("end"));
        }
        String detected = best.path("languages").path(0).asString(language); // set with language=multi
        return new SpeechData(transcript, detected, best.path("confidence").asDouble(0), start, end);
    }

    private void startOfSpeech() {
        if (!speaking) {
            speaking = true;
            out.accept(SpeechEvent.of(SpeechEvent.Type.START_OF_SPEECH));
        }
    }

    private void endOfSpeech() {
        if (speaking) {
            speaking = false;
            out.accept(SpeechEvent.of(SpeechEvent.Type.END_OF_SPEECH));
        }
    }

    /**
     * A Deepgram error ({@code DATA-…}: the audio cannot be decoded, sending it again fails again;
     * {@code NET-…} and the rest: the service or the network, worth another connection).
     */
    static ProviderException error(String label, JsonNode message) {
        String variant = message.path("variant").asString("");
        String text =
                message.path("description").asString(message.path("message").asString("error"));
        return failure(label, variant.isEmpty() ? text : variant + ": " + text, null);
    }

    /** The socket was closed by Deepgram before the end of the stream. */
    static ProviderException closed(String label, int code, String reason) {
        return failure(label, "closed with " + code + (reason.isBlank() ? "" : " " + reason), code);
    }

    private static ProviderException failure(String label, String message, @Nullable Integer closeCode) {
        boolean badAudio = message.contains("DATA-") || (closeCode != null && closeCode == 1008);
        return badAudio
                ? new ProviderException(label, message, false)
                : new ProviderConnectionException(label, message, null);
    }

    private static Duration seconds(JsonNode value) {
        return Duration.ofNanos(Math.round(value.asDouble(0) * 1e9));
    }
}
