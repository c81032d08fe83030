package dev.sofia.agents.openai;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import dev.sofia.agents.llm.ChatChunk;
import dev.sofia.agents.llm.ChatRequest;
import dev.sofia.agents.llm.CompletionUsage;
import dev.sofia.agents.llm.LlmStream;
import dev.sofia.agents.llm.ToolCall;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.StreamInput;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;

/**
 * One streamed chat completion over the SDK: text deltas become text chunks as they arrive, tool
 * calls are emitted once complete, the usage chunk last. Each attempt has its own HTTP call, which
 * {@link #close()} cancels: the base class interrupts the stream's virtual thread, which only
 * helps while it is blocked in a socket read (not while it resolves the host, connects or parses),
 * and cancelling the call also tells the server at once that nobody is listening.
 */
final class OpenAiLlmStream extends LlmStream {

    private final OpenAIClient client;
    private final ChatCompletionCreateParams params;
    private volatile HttpCall call = new HttpCall();

    OpenAiLlmStream(
            OpenAiLlm llm,
            OpenAIClient client,
            ChatCompletionCreateParams params,
            ChatRequest request,
            ConnectOptions options) {
        super(llm, request, options);
        this.client = client;
        this.params = params;
    }

    @Override
    protected void run(StreamInput<Void> in, Consumer<ChatChunk> out) {
        HttpCall attempt = new HttpCall();
        call = attempt;
        if (isClosed()) {
            return;
        }
        try (StreamResponse<ChatCompletionChunk> response = attempt.run(
                () -> client.chat().completions().createStreaming(params, OpenAiClients.requestOptions(options())))) {
            read(response.stream().iterator(), out);
        } catch (RuntimeException e) {
            throw OpenAiErrors.map(
                    provider().label(), e, "chat completion", options().timeout());
        }
    }

    private static void read(Iterator<ChatCompletionChunk> chunks, Consumer<ChatChunk> out) {
        ToolCallAssembler toolCalls = new ToolCallAssembler();
        String id = "";
        while (chunks.hasNext()) {
            ChatCompletionChunk chunk = chunks.next();
            id = chunk.id();
            for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                if (choice.index() != 0) {
                    continue; // we ask for one choice
                }
                ChatCompletionChunk.Choice.Delta delta = choice.delta();
                String text = delta.content().orElse("");
                if (!text.isEmpty()) {
                    out.accept(ChatChunk.text(id, text));
                }
                for (ChatCompletionChunk.Choice.Delta.ToolCall part :
                        delta.toolCalls().orElse(List.of())) {
                    var function = part.function();
                    emit(
                            id,
                            toolCalls.add(
                                    part.index(),
                                    part.id().orElse(""),
                                    function.flatMap(f -> f.name()).orElse(""),
                                    function.flatMap(f -> f.arguments()).orElse("")),
                            out);
                }
                if (choice.finishReason().isPresent()) {
                    emit(id, toolCalls.finish(), out);
                }
            }
            if (chunk.usage().isPresent()) {
                com.openai.models.completions.CompletionUsage usage =
                        chunk.usage().get();
                int cached = usage.promptTokensDetails()
                        .flatMap(details -> details.cachedTokens())
                        .orElse(0L)
                        .intValue();
                out.accept(ChatChunk.usage(
                        id, new CompletionUsage((int) usage.promptTokens(), (int) usage.completionTokens(), cached)));
            }
        }
        emit(id, toolCalls.finish(), out); // a server that ended without a finish reason
    }

    private static void emit(String id, List<ToolCall> calls, Consumer<ChatChunk> out) {
        if (!calls.isEmpty()) {
            out.accept(ChatChunk.toolCalls(id, calls));
        }
    }

    @Override
    public void close() {
        super.close();
        call.cancel();
    }
}
