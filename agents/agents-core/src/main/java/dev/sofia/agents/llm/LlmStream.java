package dev.sofia.agents.llm;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStream;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One streamed chat completion (see {@link ProviderStream} for the lifecycle): it has no input;
 * read {@link ChatChunk}s with {@code next()} until {@code null}; {@code close()} cancels the
 * request. Retried only before the first chunk (a half-delivered answer is not repeated).
 */
public abstract class LlmStream extends ProviderStream<Void, ChatChunk> {

    private final Llm llm;
    private final ChatRequest request;
    private final long startedNanos = System.nanoTime();
    private volatile long firstTokenNanos;
    private volatile @Nullable String requestId;
    private volatile @Nullable CompletionUsage usage;

    protected LlmStream(Llm llm, ChatRequest request, ConnectOptions options) {
        super(llm, options);
        this.llm = llm;
        this.request = request;
    }

    public final ChatRequest request() {
        return request;
    }

    final void begin() {
        start();
    }

    @Override
    protected void onOutput(ChatChunk chunk) {
        requestId = chunk.requestId();
        if (firstTokenNanos == 0
                && (!chunk.text().isEmpty() || !chunk.toolCalls().isEmpty())) {
            firstTokenNanos = System.nanoTime();
        }
        if (chunk.usage() != null) {
            usage = chunk.usage();
        }
    }

    @Override
    protected void onFinished(@Nullable ProviderException failure, boolean cancelled) {
        long first = firstTokenNanos;
        llm.reportMetrics(new LlmMetrics(
                llm.label(),
                requestId,
                first == 0 ? null : Duration.ofNanos(first - startedNanos),
                Duration.ofNanos(System.nanoTime() - startedNanos),
                usage,
                cancelled,
                Instant.now()));
    }
}
