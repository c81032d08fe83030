package dev.sofia.agents.openai;

import com.openai.client.OpenAIClient;
import dev.sofia.agents.llm.ChatRequest;
import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.llm.LlmCapabilities;
import dev.sofia.agents.llm.LlmStream;
import dev.sofia.agents.provider.ConnectOptions;

/**
 * A chat model behind OpenAI's chat completions API ({@code POST /chat/completions}, streamed), at
 * OpenAI or any compatible server: text streams as it is generated, tool calls arrive complete,
 * usage with the last chunk. Retries, metrics and error events are the {@link Llm} template's;
 * this class only speaks the protocol, through the official SDK with its retries turned off.
 * Label {@code openai.llm}.
 */
public final class OpenAiLlm extends Llm {

    private final OpenAiLlmOptions options;
    private final OpenAIClient client;

    public OpenAiLlm(OpenAiLlmOptions options) {
        super("openai.llm", new LlmCapabilities(true, true));
        this.options = options;
        this.client = OpenAiClients.create(options.apiKey(), options.baseUrl());
    }

    public OpenAiLlmOptions options() {
        return options;
    }

    @Override
    protected LlmStream newStream(ChatRequest request, ConnectOptions connectOptions) {
        return new OpenAiLlmStream(this, client, ChatParams.of(request, options), request, connectOptions);
    }
}
