package dev.sofia.agents.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.testkit.openai.ChatReply;
import dev.sofia.agents.testkit.openai.FakeLatency;
import dev.sofia.agents.testkit.openai.FakeOpenAiServer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HttpCallTests {

    @Test
    void cancellingUnblocksAReadOnAPlatformThread() throws Exception {
        try (FakeOpenAiServer server = FakeOpenAiServer.start("sk-test-cancel")) {
            server.enqueueChat(ChatReply.text("zu spät"));
            server.setLatency(FakeLatency.NONE.withTimeToFirstToken(Duration.ofSeconds(20)));
            OpenAIClient client = OpenAiClients.create(server.apiKey(), server.baseUrl());
            ChatCompletionCreateParams params = ChatCompletionCreateParams.builder()
                    .model("gpt-test")
                    .addUserMessage("Hallo")
                    .build();
            HttpCall call = new HttpCall();
            CompletableFuture<Throwable> reader = new CompletableFuture<>();
            // A platform thread: an interrupt would not unblock its socket read, only the cancel can.
            Thread.ofPlatform().start(() -> {
                try (StreamResponse<ChatCompletionChunk> response = call.run(() -> client.chat()
                        .completions()
                        .createStreaming(params, OpenAiClients.requestOptions(ConnectOptions.DEFAULT)))) {
                    response.stream().forEach(chunk -> {});
                    reader.complete(null);
                } catch (Throwable e) {
                    reader.complete(e);
                }
            });
            // The SDK's first request in a JVM loads many classes and can take seconds; cancel once it is out.
            long started = System.nanoTime();
            while (server.requests().isEmpty()) {
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
                Thread.sleep(10);
            }
            Thread.sleep(100); // the reader now waits for the first chunk

            call.cancel();

            assertThat(reader.get(5, TimeUnit.SECONDS)).isNotNull();
        }
    }
}
