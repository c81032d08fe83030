package dev.sofia.agents.voice;

import dev.sofia.agents.audio.PlayoutBuffer.SegmentPlayout;
import dev.sofia.agents.llm.ChatContext;
import dev.sofia.agents.llm.ChatItem;
import dev.sofia.agents.llm.ChatMessage;
import dev.sofia.agents.llm.ChatRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The agent's messages in the history, reply by reply: each step of a reply becomes one assistant
 * message; a preemptive reply's messages wait until its turn commits; and when the caller cuts a
 * reply off, its messages become what was actually played — whole sentences, then the played share
 * of the sentence that was cut — or go. Used only on the loop's thread.
 */
final class ReplyHistory {

    private final ChatContext history;
    private final Consumer<ChatItem> add;
    /** Assistant messages in the history per reply and step, to truncate on an interruption. */
    private final Map<Reply, Map<Integer, ChatMessage>> stepMessages = new HashMap<>();
    /** A preemptive reply's step texts, added to the history only if the reply is committed. */
    private final Map<Reply, List<SessionSignal.StepText>> heldSteps = new HashMap<>();

    /** {@code add} appends to {@code history} and tells the session's listeners. */
    ReplyHistory(ChatContext history, Consumer<ChatItem> add) {
        this.history = history;
        this.add = add;
    }

    /** A reply finished a step's text; {@code preemptive}: it is the reply prepared ahead of its turn. */
    void stepText(SessionSignal.StepText step, boolean preemptive) {
        Reply reply = step.reply();
        if (!reply.isCommitted() && !reply.isCancelled()) {
            heldSteps.computeIfAbsent(reply, r -> new ArrayList<>()).add(step);
            return;
        }
        Map<Integer, ChatMessage> recorded = stepMessages.computeIfAbsent(reply, r -> new HashMap<>());
        if (reply.isCancelled()) {
            // the text came after the cut: only what was heard of it counts
            String heard = heardText(reply, step.step());
            if (!heard.isEmpty() && !recorded.containsKey(step.step()) && !preemptive) {
                ChatMessage message = step.message().withText(heard, true);
                recorded.put(step.step(), message);
                add.accept(message);
            }
            return;
        }
        recorded.put(step.step(), step.message());
        add.accept(step.message());
    }

    /** The reply's turn committed: its held step texts join the history now. */
    void committed(Reply reply) {
        List<SessionSignal.StepText> steps = heldSteps.remove(reply);
        if (steps != null) {
            steps.forEach(step -> stepText(step, false));
        }
    }

    /** After an interruption: each step's message becomes what was heard of it (or goes); all of it. */
    String truncate(Reply reply) {
        Map<Integer, ChatMessage> recorded = stepMessages.computeIfAbsent(reply, r -> new HashMap<>());
        StringBuilder all = new StringBuilder();
        Set<Integer> steps = new HashSet<>(recorded.keySet());
        reply.sentences().forEach(s -> steps.add(s.step()));
        for (int step : steps.stream().sorted().toList()) {
            String heard = heardText(reply, step);
            ChatMessage message = recorded.get(step);
            if (message != null) {
                if (heard.isEmpty()) {
                    history.remove(message.id());
                } else {
                    ChatMessage cut = message.withText(heard, true);
                    history.replace(cut);
                    recorded.put(step, cut);
                }
            } else if (!heard.isEmpty()) {
                ChatMessage cut = ChatMessage.of(ChatRole.ASSISTANT, heard).withText(heard, true);
                recorded.put(step, cut);
                add.accept(cut);
            }
            if (!heard.isEmpty()) {
                all.append(all.isEmpty() ? "" : " ").append(heard);
            }
        }
        return all.toString();
    }

    void forget(Reply reply) {
        heldSteps.remove(reply);
        stepMessages.remove(reply);
    }

    /** The text of a step's sentences that was played: whole sentences, then part of the cut one. */
    private static String heardText(Reply reply, int step) {
        StringBuilder heard = new StringBuilder();
        for (Reply.Sentence sentence : reply.sentences()) {
            if (sentence.step() != step) {
                continue;
            }
            SegmentPlayout playout = reply.playout(sentence.segmentId());
            if (playout == null || playout.samplesPlayed() == 0) {
                break;
            }
            if (!playout.interrupted() || playout.samplesPlayed() >= playout.samplesPushed()) {
                heard.append(heard.isEmpty() ? "" : " ").append(sentence.text());
                continue;
            }
            String[] words = sentence.text().split("\\s+");
            int keep = (int) Math.ceil(words.length * (double) playout.samplesPlayed() / playout.samplesPushed());
            heard.append(heard.isEmpty() ? "" : " ")
                    .append(String.join(" ", List.of(words).subList(0, keep)));
            break;
        }
        return heard.toString();
    }
}
