package dev.sofia.agents.testkit.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fake's wire format, read raw (without an OpenAI SDK in between). */
class FakeOpenAiServerTests {

    private final FakeOpenAiServer server = FakeOpenAiServer.start("sk-raw");
    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void streamsChunksLikeOpenAi() throws Exception {
        server.enqueueChat(ChatReply.text("Hal", "lo")
                .withToolCalls(new FakeToolCall("call_1", "book", "{\"at\":\"9\"}"))
                .withArgumentPieces(2)
                .withUsage(5, 3, 1));

        HttpResponse<String> response = post(
                "/chat/completions",
                "{\"model\":\"gpt-x\",\"stream\":true,\"stream_options\":{\"include_usage\":true},\"messages\":[]}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
        assertThat(response.body()).endsWith("data: [DONE]\n\n");
        List<JsonNode> chunks = Arrays.stream(response.body().split("\n\n"))
                .map(event -> event.substring("data: ".length()))
                .filter(data -> !data.equals("[DONE]"))
                .map(JsonMapper.shared()::readTree)
                .toList();
        assertThat(chunks).allSatisfy(c -> {
            assertThat(c.path("object").asString()).isEqualTo("chat.completion.chunk");
            assertThat(c.path("model").asString()).isEqualTo("gpt-x");
            assertThat(c.path("id").asString())
                    .isEqualTo(chunks.getFirst().path("id").asString());
        });
        assertThat(delta(chunks.get(0)).path("role").asString()).isEqualTo("assistant");
        assertThat(delta(chunks.get(1)).path("content").asString()).isEqualTo("Hal");
        assertThat(delta(chunks.get(2)).path("content").asString()).isEqualTo("lo");
        JsonNode announce = delta(chunks.get(3)).path("tool_calls").get(0);
        assertThat(announce.path("index").asInt()).isZero();
        assertThat(announce.path("id").asString()).isEqualTo("call_1");
        assertThat(announce.path("function").path("name").asString()).isEqualTo("book");
        assertThat(announce.path("function").path("arguments").asString()).isEmpty();
        assertThat(delta(chunks.get(4)).path("tool_calls").get(0).has("id")).isFalse();
        assertThat(delta(chunks.get(4))
                                .path("tool_calls")
                                .get(0)
                                .path("function")
                                .path("arguments")
                                .asString()
                        + delta(chunks.get(5))
                                .path("tool_calls")
                                .get(0)
                                .path("function")
                                .path("arguments")
                                .asString())
                .isEqualTo("{\"at\":\"9\"}");
        assertThat(chunks.get(6).path("choices").get(0).path("finish_reason").asString())
                .isEqualTo("tool_calls");
        JsonNode usage = chunks.get(7);
        assertThat(usage.path("choices")).isEmpty();
        assertThat(usage.path("usage").path("prompt_tokens").asInt()).isEqualTo(5);
        assertThat(usage.path("usage")
                        .path("prompt_tokens_details")
                        .path("cached_tokens")
                        .asInt())
                .isEqualTo(1);
        assertThat(chunks).hasSize(8);
    }

    @Test
    void sendsNoUsageChunkUnlessAskedFor() throws Exception {
        server.enqueueChat(ChatReply.text("Hallo"));

        String body =
                post("/chat/completions", "{\"model\":\"m\",\"stream\":true}").body();

        assertThat(body).doesNotContain("usage").contains("\"finish_reason\":\"stop\"");
    }

    @Test
    void refusesAWrongKeyAndRecordsTheRequest() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                        .header("Authorization", "Bearer sk-other")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"stream\":true}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode error = JsonMapper.shared().readTree(response.body()).path("error");
        assertThat(error.path("code").asString()).isEqualTo("invalid_api_key");
        assertThat(error.path("type").asString()).isEqualTo("invalid_request_error");
        assertThat(error.has("message")).isTrue();
        assertThat(server.requests()).singleElement().satisfies(r -> {
            assertThat(r.header("authorization")).isEqualTo("Bearer sk-other");
            assertThat(r.requireJson().path("stream").asBoolean()).isTrue();
        });
    }

    @Test
    void answersAnUnscriptedRequestWithA500NamingTheEndpoint() throws Exception {
        HttpResponse<String> response = post("/audio/speech", "{\"response_format\":\"pcm\"}");

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.body()).contains("no reply scripted for SPEECH");
    }

    @Test
    void dropsTheConnectionMidStream() {
        server.enqueueChat(ChatReply.text("a", "b", "c").droppingAfter(2));

        assertThatThrownBy(() -> post("/chat/completions", "{\"model\":\"m\",\"stream\":true}"))
                .isInstanceOf(IOException.class);
    }

    @Test
    void parsesATranscriptionUpload() throws Exception {
        server.enqueueTranscription("Guten Tag");
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                + "Content-Type: audio/wav\r\n\r\nRIFFdata\r\n--" + boundary + "--\r\n";

        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/audio/transcriptions"))
                        .header("Authorization", "Bearer sk-raw")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).isEqualTo("{\"text\":\"Guten Tag\"}");
        FakeOpenAiRequest request = server.requests().getFirst();
        assertThat(request.form()).containsExactlyEntriesOf(java.util.Map.of("model", "whisper-1"));
        assertThat(request.file().filename()).isEqualTo("a.wav");
        assertThat(request.file().contentType()).isEqualTo("audio/wav");
        assertThat(new String(request.file().bytes())).isEqualTo("RIFFdata");
    }

    private HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Authorization", "Bearer sk-raw")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode delta(JsonNode chunk) {
        return chunk.path("choices").get(0).path("delta");
    }
}
