package dev.sofia.agents.openai;

import com.openai.core.JsonValue;
import com.openai.models.FunctionDefinition;
import com.openai.models.FunctionParameters;
import com.openai.models.chat.completions.ChatCompletionAssistantMessageParam;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionFunctionTool;
import com.openai.models.chat.completions.ChatCompletionMessageFunctionToolCall;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.chat.completions.ChatCompletionToolChoiceOption;
import com.openai.models.chat.completions.ChatCompletionToolMessageParam;
import dev.sofia.agents.llm.ChatItem;
import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRequest;
import dev.sofia.agents.llm.FunctionCall;
import dev.sofia.agents.llm.FunctionCallOutput;
import dev.sofia.agents.tools.FunctionTool;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link ChatRequest} as the SDK's streamed chat completion request: the context's items as
 * messages (consecutive tool calls become one assistant message with {@code tool_calls}, as the
 * model produced them in parallel; each output a {@code tool} message), the tools with their JSON
 * schemas, and {@code stream_options.include_usage} so the last chunk carries the usage.
 */
final class ChatParams {

    private ChatParams() {}

    static ChatCompletionCreateParams of(ChatRequest request, OpenAiLlmOptions options) {
        ChatCompletionCreateParams.Builder params = ChatCompletionCreateParams.builder()
                .model(options.model())
                .streamOptions(
                        ChatCompletionStreamOptions.builder().includeUsage(true).build());
        addMessages(params, request.context().items());
        if (!request.tools().isEmpty()) {
            // OpenAI rejects tool_choice and parallel_tool_calls in a request without tools.
            request.tools().forEach(tool -> params.addTool(toolOf(tool)));
            params.toolChoice(toolChoiceOf(request));
            params.parallelToolCalls(request.parallelToolCalls());
        }
        Double temperature = request.temperature() != null ? request.temperature() : options.temperature();
        if (temperature != null) {
            params.temperature(temperature);
        }
        if (options.maxCompletionTokens() != null) {
            params.maxCompletionTokens(options.maxCompletionTokens().longValue());
        }
        return params.build();
    }

    private static void addMessages(ChatCompletionCreateParams.Builder params, List<ChatItem> items) {
        ChatCompletionAssistantMessageParam.@Nullable Builder calls = null;
        for (ChatItem item : items) {
            if (!(item instanceof FunctionCall) && calls != null) {
                params.addMessage(calls.build());
                calls = null;
            }
            switch (item) {
                case ChatMessage message -> addMessage(params, message);
                case FunctionCall call -> {
                    if (calls == null) {
                        calls = ChatCompletionAssistantMessageParam.builder();
                    }
                    calls.addToolCall(ChatCompletionMessageFunctionToolCall.builder()
                            .id(call.callId())
                            .function(ChatCompletionMessageFunctionToolCall.Function.builder()
                                    .name(call.name())
                                    .arguments(call.arguments())
                                    .build())
                            .build());
                }
                case FunctionCallOutput output ->
                    params.addMessage(ChatCompletionToolMessageParam.builder()
                            .toolCallId(output.callId())
                            .content(output.output())
                            .build());
            }
        }
        if (calls != null) {
            params.addMessage(calls.build());
        }
    }

    private static void addMessage(ChatCompletionCreateParams.Builder params, ChatMessage message) {
        switch (message.role()) {
            case SYSTEM -> params.addSystemMessage(message.text());
            case DEVELOPER -> params.addDeveloperMessage(message.text());
            case USER -> params.addUserMessage(message.text());
            case ASSISTANT -> params.addAssistantMessage(message.text());
        }
    }

    private static ChatCompletionFunctionTool toolOf(FunctionTool tool) {
        FunctionParameters.Builder parameters = FunctionParameters.builder();
        // The schema is a Jackson 3 tree and the SDK serialises with Jackson 2: cross over as plain values.
        @SuppressWarnings("unchecked")
        Map<String, Object> schema = JsonMapper.shared().convertValue(tool.parameters(), Map.class);
        schema.forEach((key, value) -> parameters.putAdditionalProperty(key, JsonValue.from(value)));
        return ChatCompletionFunctionTool.builder()
                .function(FunctionDefinition.builder()
                        .name(tool.name())
                        .description(tool.description())
                        .parameters(parameters.build())
                        .build())
                .build();
    }

    private static ChatCompletionToolChoiceOption toolChoiceOf(ChatRequest request) {
        return ChatCompletionToolChoiceOption.ofAuto(
                switch (request.toolChoice()) {
                    case AUTO -> ChatCompletionToolChoiceOption.Auto.AUTO;
                    case REQUIRED -> ChatCompletionToolChoiceOption.Auto.REQUIRED;
                    case NONE -> ChatCompletionToolChoiceOption.Auto.NONE;
                });
    }
}
