package dev.sofia.agents.testkit.openai;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link ChatReply} as OpenAI streams a chat completion: {@code data: {chunk}} events with
 * {@code object: chat.completion.chunk}, the role first, text and tool-call deltas, the finish
 * reason, the usage chunk ({@code choices: []}) if {@code stream_options.include_usage} was asked
 * for, then {@code data: [DONE]}.
 */
final class ChatCompletionStream {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ChatReply reply;
    private final String model;
    private final boolean includeUsage;
    private final String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
    private final long created = Instant.now().getEpochSecond();

    ChatCompletionStream(ChatReply reply, JsonNode request) {
        this.reply = reply;
        this.model = request.path("model").asString("gpt-4o-mini");
        this.includeUsage = request.path("stream_options").path("include_usage").asBoolean(false);
    }

    /** The chunks, in order, without the final {@code [DONE]}. */
    List<ObjectNode> chunks() {
        List<ObjectNode> chunks = new ArrayList<>();
        boolean roleSent = false;
        if (!reply.textPieces().isEmpty()) {
            chunks.add(chunk(delta(true).put("content", "").putNull("refusal"), null));
            roleSent = true;
            for (String piece : reply.textPieces()) {
                chunks.add(chunk(delta(false).put("content", piece), null));
            }
        }
        for (int i = 0; i < reply.toolCalls().size(); i++) {
            FakeToolCall call = reply.toolCalls().get(i);
            ObjectNode announce = delta(!roleSent);
            if (!roleSent) {
                announce.putNull("content").putNull("refusal");
                roleSent = true;
            }
            ObjectNode head = toolCallDelta(i);
            head.put("id", call.id()).put("type", "function");
            head.putObject("function").put("name", call.name()).put("arguments", "");
            announce.putArray("tool_calls").add(head);
            chunks.add(chunk(announce, null));
            for (String piece : split(call.arguments(), reply.argumentPieces())) {
                ObjectNode part = toolCallDelta(i);
                part.putObject("function").put("arguments", piece);
                ObjectNode delta = delta(false);
                delta.putArray("tool_calls").add(part);
                chunks.add(chunk(delta, null));
            }
        }
        chunks.add(chunk(JSON.objectNode(), reply.toolCalls().isEmpty() ? "stop" : "tool_calls"));
        if (includeUsage) {
            ObjectNode last = base();
            last.putArray("choices");
            ObjectNode usage = last.putObject("usage");
            usage.put("prompt_tokens", reply.promptTokens())
                    .put("completion_tokens", reply.completionTokens())
                    .put("total_tokens", reply.promptTokens() + reply.completionTokens());
            usage.putObject("prompt_tokens_details")
                    .put("cached_tokens", reply.cachedTokens())
                    .put("audio_tokens", 0);
            usage.putObject("completion_tokens_details")
                    .put("reasoning_tokens", 0)
                    .put("audio_tokens", 0)
                    .put("accepted_prediction_tokens", 0)
                    .put("rejected_prediction_tokens", 0);
            chunks.add(last);
        }
        return chunks;
    }

    /**
     * Streams the chunks with the latencies; throws {@link DroppedConnection} where the reply says to
     * drop the connection.
     */
    void writeTo(OutputStream out, FakeLatency latency) throws IOException, InterruptedException {
        List<ObjectNode> chunks = chunks();
        for (int i = 0; i < chunks.size(); i++) {
            if (i == reply.dropAfterChunks()) {
                throw new DroppedConnection();
            }
            sleep(i == 0 ? latency.timeToFirstToken() : latency.betweenTokens());
            event(out, chunks.get(i).toString());
        }
        if (reply.dropAfterChunks() >= chunks.size()) {
            throw new DroppedConnection();
        }
        event(out, "[DONE]");
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static void sleep(Duration delay) throws InterruptedException {
        if (delay.isPositive()) {
            Thread.sleep(delay);
        }
    }

    private ObjectNode base() {
        ObjectNode chunk = JSON.objectNode();
        chunk.put("id", id)
                .put("object", "chat.completion.chunk")
                .put("created", created)
                .put("model", model)
                .put("service_tier", "default")
                .put("system_fingerprint", "fp_fake");
        return chunk;
    }

    private ObjectNode chunk(ObjectNode delta, @Nullable String finishReason) {
        ObjectNode chunk = base();
        ArrayNode choices = chunk.putArray("choices");
        ObjectNode choice = choices.addObject().put("index", 0);
        choice.set("delta", delta);
        choice.putNull("logprobs");
        if (finishReason == null) {
            choice.putNull("finish_reason");
        } else {
            choice.put("finish_reason", finishReason);
        }
        if (includeUsage) {
            chunk.putNull("usage");
        }
        return chunk;
    }

    private static ObjectNode delta(boolean withRole) {
        ObjectNode delta = JSON.objectNode();
        if (withRole) {
            delta.put("role", "assistant");
        }
        return delta;
    }

    private static ObjectNode toolCallDelta(int index) {
        return JSON.objectNode().put("index", index);
    }

    /** {@code text} in {@code pieces} parts of nearly equal length (fewer if it is shorter). */
    static List<String> split(String text, int pieces) {
        List<String> parts = new ArrayList<>();
        int size = Math.max(1, (text.length() + pieces - 1) / pieces);
        for (int at = 0; at < text.length(); at += size) {
            parts.add(text.substring(at, Math.min(text.length(), at + size)));
        }
        return parts;
    }
}
