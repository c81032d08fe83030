package dev.sofia.agents.testkit.openai;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Whole (not streamed) answers of the fake: OpenAI's error body, or any body of known length. */
final class Replies {

    private Replies() {}

    static void sendError(HttpExchange exchange, ErrorReply error) throws IOException {
        ObjectNode body = JsonMapper.shared().createObjectNode();
        ObjectNode inner = body.putObject("error")
                .put("message", error.message())
                .put("type", error.type())
                .putNull("param");
        if (error.code().isEmpty()) {
            inner.putNull("code");
        } else {
            inner.put("code", error.code());
        }
        send(exchange, error.status(), "application/json", body.toString());
    }

    static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
