package dev.sofia.agents.testkit.cartesia;

import java.util.Base64;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Cartesia's WebSocket answers, field for field as the API documents them. */
final class CartesiaWire {

    static final JsonMapper JSON = JsonMapper.shared();

    private CartesiaWire() {}

    static String chunk(String contextId, byte[] pcm) {
        return JSON.createObjectNode()
                .put("type", "chunk")
                .put("data", Base64.getEncoder().encodeToString(pcm))
                .put("done", false)
                .put("status_code", 206)
                .put("step_time", 12.5)
                .put("context_id", contextId)
                .toString();
    }

    /** Word timestamps, the words spread evenly from {@code start} seconds, {@code each} apart. */
    static String timestamps(String contextId, List<String> words, double start, double each) {
        ObjectNode message = JSON.createObjectNode()
                .put("type", "timestamps")
                .put("done", false)
                .put("status_code", 206)
                .put("context_id", contextId);
        ObjectNode timestamps = message.putObject("word_timestamps");
        ArrayNode texts = timestamps.putArray("words");
        ArrayNode starts = timestamps.putArray("start");
        ArrayNode ends = timestamps.putArray("end");
        for (int i = 0; i < words.size(); i++) {
            texts.add(words.get(i));
            starts.add(start + i * each);
            ends.add(start + (i + 1) * each);
        }
        return message.toString();
    }

    static String done(String contextId) {
        return JSON.createObjectNode()
                .put("type", "done")
                .put("done", true)
                .put("status_code", 206)
                .put("context_id", contextId)
                .toString();
    }

    static String error(String contextId, int status, String message) {
        return JSON.createObjectNode()
                .put("type", "error")
                .put("done", true)
                .put("error", message)
                .put("status_code", status)
                .put("context_id", contextId)
                .toString();
    }

    /** A refused handshake's body. */
    static String httpError(String message) {
        return JSON.createObjectNode().put("error", message).toString();
    }
}
