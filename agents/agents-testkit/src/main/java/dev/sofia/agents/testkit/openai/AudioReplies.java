package dev.sofia.agents.testkit.openai;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** How the fake answers the audio endpoints: a transcription as JSON (or text), speech as chunked PCM. */
final class AudioReplies {

    private AudioReplies() {}

    static void transcribe(
            HttpExchange exchange, FakeOpenAiRequest request, TranscriptionReply reply, FakeLatency latency)
            throws IOException, InterruptedException {
        if (request.file() == null || !request.form().containsKey("model")) {
            Replies.sendError(exchange, ErrorReply.badRequest("a transcription needs 'file' and 'model'"));
            return;
        }
        ChatCompletionStream.sleep(latency.timeToFirstToken());
        if ("text".equals(request.form().get("response_format"))) {
            Replies.send(exchange, 200, "text/plain; charset=utf-8", reply.text() + "\n");
        } else {
            ObjectNode json = JsonMapper.shared().createObjectNode().put("text", reply.text());
            Replies.send(exchange, 200, "application/json", json.toString());
        }
    }

    static void speak(HttpExchange exchange, FakeOpenAiRequest request, SpeechReply reply, FakeLatency delays)
            throws IOException, InterruptedException {
        JsonNode body = request.requireJson();
        if (!body.path("response_format").asString("mp3").equals("pcm")) {
            Replies.sendError(exchange, ErrorReply.badRequest("FakeOpenAiServer speaks only response_format pcm"));
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "audio/pcm");
        exchange.sendResponseHeaders(200, 0);
        ChatCompletionStream.sleep(delays.timeToFirstAudioByte());
        byte[] pcm = reply.pcm();
        OutputStream out = exchange.getResponseBody();
        for (int at = 0; at < pcm.length; at += reply.chunkBytes()) {
            int end = Math.min(pcm.length, at + reply.chunkBytes());
            if (reply.dropAfterBytes() >= 0 && end > reply.dropAfterBytes()) {
                out.write(pcm, at, Math.max(0, reply.dropAfterBytes() - at));
                out.flush();
                throw new DroppedConnection();
            }
            if (at > 0) {
                ChatCompletionStream.sleep(delays.betweenAudioChunks());
            }
            out.write(pcm, at, end - at);
            out.flush();
        }
    }
}
