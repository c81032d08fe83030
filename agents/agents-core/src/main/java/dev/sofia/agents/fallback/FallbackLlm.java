package dev.sofia.agents.fallback;

import dev.sofia.agents.llm.ChatContext;
import dev.sofia.agents.llm.ChatRequest;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.llm.LlmCapabilities;
import dev.sofia.agents.llm.LlmStream;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.StreamInput;
import java.util.List;
import java.util.function.Consumer;

/**
 * An {@link Llm} over chat models in order of preference. A completion goes to the first available
 * model; if that fails for good (its own retries exhausted, or not retryable) before its first
 * chunk, the same request goes to the next one, unseen by the caller. A failure after the first
 * chunk is the caller's: another model's answer would not continue the one already streamed. A
 * failed model is probed in the background with a one-word completion and used again once it
 * answers. The adapter can call tools only if every model can.
 *
 * <p>The adapter does not retry on top of its models (their connect options govern); it reports
 * its own metrics and final errors, and {@link AvailabilityChanged} events, to its listeners; each
 * model reports its own to its own. {@link #close()} stops the probes.
 */
public final class FallbackLlm extends Llm implements AutoCloseable {

    private final Availability<Llm> availability;

    public FallbackLlm(List<? extends Llm> llms) {
        this(llms, ProbeSchedule.DEFAULT);
    }

    public FallbackLlm(List<? extends Llm> llms, ProbeSchedule probes) {
        super("fallback.llm", capabilities(llms));
        this.availability = new Availability<>(label(), List.copyOf(llms), probes, FallbackLlm::probe, this::report);
    }

    /** Whether the model is in use (not marked unavailable after a failure). */
    public boolean isAvailable(Llm llm) {
        return availability.isAvailable(llm);
    }

    @Override
    public ConnectOptions connectOptions() {
        return super.connectOptions().withMaxRetries(0);
    }

    @Override
    protected LlmStream newStream(ChatRequest request, ConnectOptions options) {
        return new LlmStream(this, request, options) {
            @Override
            protected void run(StreamInput<Void> in, Consumer<dev.sofia.agents.llm.ChatChunk> out)
                    throws InterruptedException {
                availability.relayFirst(llm -> llm.chat(request), out);
            }
        };
    }

    @Override
    public void close() {
        availability.close();
    }

    private static void probe(Llm llm) throws InterruptedException {
        ChatContext context = new ChatContext().addMessage(ChatRole.USER, "Reply with one word: OK");
        try (LlmStream stream = llm.chat(ChatRequest.of(context))) {
            Availability.awaitAnswer(stream, llm.connectOptions().timeout());
        }
    }

    private static LlmCapabilities capabilities(List<? extends Llm> llms) {
        return new LlmCapabilities(
                llms.stream().allMatch(l -> l.capabilities().toolCalls()),
                llms.stream().allMatch(l -> l.capabilities().parallelToolCalls()));
    }
}
