package dev.sofia.agents.testkit.deepgram;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Deepgram's {@code /v1/listen} answers, field for field as the API documents them. */
final class DeepgramMessages {

    static final JsonMapper JSON = JsonMapper.shared();
    static final String MODEL_UUID = "1dbdfb4d-85b2-4659-8c0e-a4a3e4b4d3c2";

    private DeepgramMessages() {}

    /** One word of a result, spread evenly over the utterance's span. */
    record Word(String text, double start, double end) {}

    static String speechStarted(double timestamp) {
        ObjectNode message = JSON.createObjectNode().put("type", "SpeechStarted");
        message.putArray("channel").add(0).add(1);
        message.put("timestamp", timestamp);
        return message.toString();
    }

    static String utteranceEnd(double lastWordEnd) {
        ObjectNode message = JSON.createObjectNode().put("type", "UtteranceEnd");
        message.putArray("channel").add(0).add(1);
        message.put("last_word_end", lastWordEnd);
        return message.toString();
    }

    static String results(
            String requestId,
            String model,
            List<Word> words,
            double start,
            double duration,
            boolean isFinal,
            boolean speechFinal,
            boolean fromFinalize) {
        ObjectNode message = JSON.createObjectNode().put("type", "Results");
        message.putArray("channel_index").add(0).add(1);
        message.put("duration", duration)
                .put("start", start)
                .put("is_final", isFinal)
                .put("speech_final", speechFinal);
        ObjectNode alternative =
                message.putObject("channel").putArray("alternatives").addObject();
        alternative.put(
                "transcript", String.join(" ", words.stream().map(Word::text).toList()));
        alternative.put("confidence", words.isEmpty() ? 0.0 : 0.98);
        ArrayNode wordNodes = alternative.putArray("words");
        for (Word word : words) {
            wordNodes
                    .addObject()
                    .put("word", word.text().toLowerCase().replaceAll("\\p{Punct}", ""))
                    .put("start", word.start())
                    .put("end", word.end())
                    .put("confidence", 0.98)
                    .put("punctuated_word", word.text());
        }
        ObjectNode metadata = message.putObject("metadata").put("request_id", requestId);
        metadata.putObject("model_info")
                .put("name", model)
                .put("version", "fake")
                .put("arch", "fake");
        metadata.put("model_uuid", MODEL_UUID);
        message.put("from_finalize", fromFinalize);
        return message.toString();
    }

    static String metadata(String requestId, String model, double duration) {
        ObjectNode message = JSON.createObjectNode()
                .put("type", "Metadata")
                .put("transaction_key", "deprecated")
                .put("request_id", requestId)
                .put("sha256", UUID.randomUUID().toString().replace("-", ""))
                .put("created", Instant.now().toString())
                .put("duration", duration)
                .put("channels", 1);
        message.putArray("models").add(MODEL_UUID);
        message.putObject("model_info")
                .putObject(MODEL_UUID)
                .put("name", model)
                .put("version", "fake")
                .put("arch", "fake");
        return message.toString();
    }

    /** The error message the SDKs know; Deepgram closes the socket right after it. */
    static String error(String variant, String description) {
        return JSON.createObjectNode()
                .put("type", "Error")
                .put("variant", variant)
                .put("description", description)
                .put("message", description)
                .toString();
    }

    /** The body of a refused request, as the REST API and the handshake send it. */
    static String httpError(String code, String message, String requestId) {
        return JSON.createObjectNode()
                .put("err_code", code)
                .put("err_msg", message)
                .put("request_id", requestId)
                .toString();
    }

    /** The pre-recorded answer: one channel, one alternative. */
    static String prerecorded(String requestId, String model, List<Word> words, double duration) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode metadata = root.putObject("metadata")
                .put("transaction_key", "deprecated")
                .put("request_id", requestId)
                .put("created", Instant.now().toString())
                .put("duration", duration)
                .put("channels", 1);
        metadata.putArray("models").add(MODEL_UUID);
        ObjectNode channel = root.putObject("results").putArray("channels").addObject();
        ObjectNode results =
                JSON.readValue(results(requestId, model, words, 0, duration, true, true, false), ObjectNode.class);
        channel.set("alternatives", results.path("channel").path("alternatives"));
        return root.toString();
    }
}
