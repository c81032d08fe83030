package dev.sofia.agents.openai;

import static dev.sofia.agents.openai.OpenAiLlmTests.drain;
import static dev.sofia.agents.openai.OpenAiLlmTests.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sofia.agents.llm.ChatChunk;
import dev.sofia.agents.llm.ChatContext;
import dev.sofia.agents.llm.ChatRequest;
import dev.sofia.agents.llm.LlmStream;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderError;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.provider.ProviderTimeoutException;
import dev.sofia.agents.testkit.openai.ChatReply;
import dev.sofia.agents.testkit.openai.ErrorReply;
import dev.sofia.agents.testkit.openai.FakeEndpoint;
import dev.sofia.agents.testkit.openai.FakeLatency;
import dev.sofia.agents.testkit.openai.FakeOpenAiServer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiLlmErrorsTests {

    private final FakeOpenAiServer server = FakeOpenAiServer.start("sk-test-errors");
    private final List<ProviderError> errors = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        server.close();
    }

    private OpenAiLlm llm(String apiKey, ConnectOptions connect) {
        OpenAiLlm llm = new OpenAiLlm(OpenAiLlmOptions.of(apiKey).withBaseUrl(server.baseUrl()));
        llm.setConnectOptions(connect);
        llm.addListener(event -> {
            if (event instanceof ProviderError error) {
                errors.add(error);
            }
        });
        return llm;
    }

    private OpenAiLlm llm() {
        return llm(server.apiKey(), new ConnectOptions(3, Duration.ofMillis(20), Duration.ofSeconds(5)));
    }

    private static ChatRequest request() {
        return ChatRequest.of(ChatContext.withInstructions("x"));
    }

    @Test
    void aWrongKeyIsNotRetried() {
        OpenAiLlm llm = llm("sk-wrong", new ConnectOptions(3, Duration.ofMillis(20), Duration.ofSeconds(5)));

        ProviderStatusException e =
                catchThrowableOfType(ProviderStatusException.class, () -> drain(llm.chat(request())));

        assertThat(e.status()).isEqualTo(401);
        assertThat(e.retryable()).isFalse();
        assertThat(e.body()).contains("invalid_api_key");
        assertThat(e.getMessage()).doesNotContain("sk-wrong");
        assertThat(server.requests()).hasSize(1);
        assertThat(server.requests().getFirst().header("Authorization")).isEqualTo("Bearer sk-wrong");
        assertThat(errors)
                .singleElement()
                .satisfies(error -> assertThat(error.retrying()).isFalse());
    }

    @Test
    void aBadRequestIsNotRetried() {
        server.enqueueError(FakeEndpoint.CHAT_COMPLETIONS, ErrorReply.badRequest("Invalid 'messages'"));

        ProviderStatusException e =
                catchThrowableOfType(ProviderStatusException.class, () -> drain(llm().chat(request())));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.retryable()).isFalse();
        assertThat(e.body()).contains("Invalid 'messages'");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void rateLimitsAndServerErrorsAreRetriedUntilTheAnswerComes() throws Exception {
        server.enqueueError(FakeEndpoint.CHAT_COMPLETIONS, ErrorReply.rateLimited());
        server.enqueueError(FakeEndpoint.CHAT_COMPLETIONS, ErrorReply.serverError());
        server.enqueueChat(ChatReply.text("Endlich"));

        List<ChatChunk> chunks = drain(llm().chat(request()));

        assertThat(texts(chunks)).containsExactly("Endlich");
        assertThat(server.requests()).hasSize(3);
        assertThat(errors)
                .extracting(e -> ((ProviderStatusException) e.error()).status())
                .containsExactly(429, 500);
        assertThat(errors).allSatisfy(e -> assertThat(e.retrying()).isTrue());
    }

    @Test
    void givesUpAfterTheConfiguredRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueueError(FakeEndpoint.CHAT_COMPLETIONS, ErrorReply.serverError());
        }
        OpenAiLlm llm = llm(server.apiKey(), new ConnectOptions(2, Duration.ofMillis(10), Duration.ofSeconds(5)));

        ProviderStatusException e =
                catchThrowableOfType(ProviderStatusException.class, () -> drain(llm.chat(request())));

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.retryable()).isTrue();
        assertThat(server.requests()).hasSize(3);
        assertThat(errors).extracting(ProviderError::retrying).containsExactly(true, true, false);
    }

    @Test
    void aConnectionDroppedBeforeAnyTextIsRetried() throws Exception {
        server.enqueueChat(ChatReply.text("weg").droppingAfter(1)); // only the role chunk
        server.enqueueChat(ChatReply.text("Hallo"));

        List<ChatChunk> chunks = drain(llm().chat(request()));

        assertThat(texts(chunks)).containsExactly("Hallo");
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.error()).isInstanceOf(ProviderConnectionException.class);
            assertThat(e.retrying()).isTrue();
        });
    }

    @Test
    void aConnectionDroppedAfterTextFailsTheStreamWithoutRetry() throws Exception {
        server.enqueueChat(ChatReply.text("Guten", " Tag", " und", " so").droppingAfter(3));
        server.enqueueChat(ChatReply.text("must not be asked for"));
        LlmStream stream = llm().chat(request());

        List<String> received = new ArrayList<>();
        ProviderException failure = null;
        try (stream) {
            for (ChatChunk chunk = stream.next(); chunk != null; chunk = stream.next()) {
                received.add(chunk.text());
            }
        } catch (ProviderException e) {
            failure = e;
        }

        assertThat(received).containsExactly("Guten", " Tag");
        assertThat(failure).isInstanceOf(ProviderConnectionException.class);
        assertThat(failure.retryable()).isTrue(); // retryable in kind; core does not repeat a half answer
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aSlowFirstTokenTimesOut() {
        server.setLatency(FakeLatency.NONE.withTimeToFirstToken(Duration.ofSeconds(20)));
        server.enqueueChat(ChatReply.text("zu spät"));
        server.enqueueChat(ChatReply.text("zu spät"));
        OpenAiLlm llm = llm(server.apiKey(), new ConnectOptions(1, Duration.ofMillis(10), Duration.ofMillis(300)));

        ProviderTimeoutException e =
                catchThrowableOfType(ProviderTimeoutException.class, () -> drain(llm.chat(request())));
        Instant failed = Instant.now();

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("timed out after 300 ms");
        // far below the fake's 20 s: the client gave up, it did not wait for the slow token
        assertThat(Duration.between(server.requests().getLast().receivedAt(), failed))
                .isLessThan(Duration.ofSeconds(5));
        assertThat(server.requests()).hasSize(2);
    }
}
