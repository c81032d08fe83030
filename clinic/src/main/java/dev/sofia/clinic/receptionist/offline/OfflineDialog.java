package dev.sofia.clinic.receptionist.offline;

import dev.sofia.agents.llm.ChatChunk;
import dev.sofia.agents.llm.ChatItem;
import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRequest;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.llm.FunctionCall;
import dev.sofia.agents.llm.FunctionCallOutput;
import dev.sofia.agents.llm.Llm;
import dev.sofia.agents.llm.LlmCapabilities;
import dev.sofia.agents.llm.LlmStream;
import dev.sofia.agents.llm.ToolChoice;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.clinic.receptionist.ReceptionistCall;
import dev.sofia.clinic.receptionist.ReceptionistServices;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sofia without a language model: a rule-based, slot-filling dialog for booking, rescheduling,
 * cancelling and practice information in German and English. It is an {@link Llm} so the session,
 * the tools, {@code FallbackLlm} (a real model first, this last) and the test harness treat it like
 * any model: each request it reads the caller's newest words and the outputs of its own tool calls,
 * and answers with text or with tool calls by the tools' real names.
 *
 * <p>One per call: it keeps the call's dialog state. The state after each answer is remembered
 * under that answer (its tool calls' ids, or its text), and each request continues from the newest
 * answer of its own it finds in the conversation — so an answer the session threw away (a
 * preemptive reply the caller talked over) does not move the dialog on.
 */
public final class OfflineDialog extends Llm {

    private static final Logger log = LoggerFactory.getLogger(OfflineDialog.class);

    private final Dialog dialog;
    private final ReceptionistCall call;
    private final Map<String, DialogState> afterAnswer = new LinkedHashMap<>();

    public OfflineDialog(ReceptionistServices services, ReceptionistCall call) {
        super("sofia.offline", new LlmCapabilities(true, true));
        setConnectOptions(ConnectOptions.DEFAULT.withMaxRetries(0));
        this.call = call;
        this.dialog = new Dialog(services, call);
    }

    @Override
    protected LlmStream newStream(ChatRequest request, ConnectOptions options) {
        return new LlmStream(this, request, options) {
            @Override
            protected void run(StreamInput<Void> in, Consumer<ChatChunk> out) {
                Answer answer = answer(request);
                String id = "offline-" + UUID.randomUUID();
                if (!answer.text().isBlank()) {
                    out.accept(ChatChunk.text(id, answer.text()));
                }
                if (answer.hasCalls()) {
                    out.accept(ChatChunk.toolCalls(id, answer.calls()));
                }
            }
        };
    }

    /** The engine's answer to one request; never throws (a failure becomes the offer of a person). */
    synchronized Answer answer(ChatRequest request) {
        Input input = read(request.context().items());
        DialogState state = input.state().copy();
        boolean toolsAllowed =
                request.toolChoice() != ToolChoice.NONE && !request.tools().isEmpty();
        Answer answer;
        try {
            answer = dialog.answer(state, input.userText(), input.outputs(), toolsAllowed);
        } catch (RuntimeException e) {
            log.warn("The offline dialog failed on a turn of call {}", call.roomName(), e);
            state = input.state().copy();
            state.offerHelp();
            answer = Answer.say(Replies.failed(state.language) + " " + Replies.helpOffer(state.language));
        }
        remember(answer, state);
        return answer;
    }

    private void remember(Answer answer, DialogState state) {
        String key = answer.hasCalls() ? answer.calls().getFirst().callId() : "text:" + answer.text();
        afterAnswer.remove(key); // re-inserted last: the newest answer with this text wins
        afterAnswer.put(key, state);
    }

    /** What is new since the engine's latest answer in this conversation. */
    private record Input(DialogState state, String userText, List<FunctionCallOutput> outputs) {}

    private Input read(List<ChatItem> items) {
        int anchor = -1;
        DialogState state = null;
        for (int i = items.size() - 1; i >= 0 && state == null; i--) {
            ChatItem item = items.get(i);
            if (item instanceof FunctionCall fc && afterAnswer.containsKey(fc.callId())) {
                state = afterAnswer.get(fc.callId());
                anchor = i;
            } else if (item instanceof ChatMessage m && m.role() == ChatRole.ASSISTANT) {
                state = ownText(m.text());
                anchor = i;
                if (state == null && afterAnswer.isEmpty()) {
                    break; // the greeting (or another model's words): start from here
                }
            }
        }
        if (state == null) {
            state = dialog.initialState();
        }
        StringBuilder user = new StringBuilder();
        List<FunctionCallOutput> outputs = new ArrayList<>();
        for (int i = anchor + 1; i < items.size(); i++) {
            if (items.get(i) instanceof ChatMessage m && m.role() == ChatRole.USER) {
                user.append(user.isEmpty() ? "" : " ").append(m.text().strip());
            } else if (items.get(i) instanceof FunctionCallOutput output) {
                outputs.add(output);
            }
        }
        return new Input(state, user.toString(), outputs);
    }

    /** The state after the answer with this text (or, cut off by the caller, starting with it). */
    private @Nullable DialogState ownText(String text) {
        if (text.isBlank()) {
            return null;
        }
        DialogState exact = afterAnswer.get("text:" + text);
        if (exact != null) {
            return exact;
        }
        DialogState found = null;
        for (var entry : afterAnswer.entrySet()) {
            if (entry.getKey().startsWith("text:")
                    && entry.getKey().substring(5).startsWith(text.strip())) {
                found = entry.getValue();
            }
        }
        return found;
    }
}
