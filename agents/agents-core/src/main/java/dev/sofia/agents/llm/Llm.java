package dev.sofia.agents.llm;

import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.Provider;

/**
 * A chat model. A template: {@link #chat} owns retries (before the first chunk), metrics and error
 * events; a plugin implements {@link #newStream} (the transport).
 */
public abstract class Llm extends Provider {

    private final LlmCapabilities capabilities;

    protected Llm(String label, LlmCapabilities capabilities) {
        super(label);
        this.capabilities = capabilities;
    }

    public final LlmCapabilities capabilities() {
        return capabilities;
    }

    /** Starts streaming a completion; read it from the returned stream, close it to cancel. */
    public final LlmStream chat(ChatRequest request) {
        LlmStream stream = newStream(request, connectOptions());
        stream.begin();
        return stream;
    }

    /** A new, not yet started stream for this request. */
    protected abstract LlmStream newStream(ChatRequest request, ConnectOptions options);

    final void reportMetrics(LlmMetrics metrics) {
        report(metrics);
    }
}
