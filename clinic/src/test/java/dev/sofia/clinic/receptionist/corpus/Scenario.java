package dev.sofia.clinic.receptionist.corpus;

import dev.sofia.agents.testkit.FakeLlm.Answer;
import dev.sofia.clinic.receptionist.ReceptionistCall.Channel;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One scripted conversation of the corpus: who calls (language, channel, number), what the practice
 * looks like beforehand ({@link Setup}), what the caller says turn by turn and — for the scripted
 * model — what a good model answers to each turn (tool calls with their JSON arguments, then its
 * words), and what the database must hold afterwards ({@link Expect}). {@link #offline} says what
 * the offline dialog engine is expected to achieve with the same caller turns.
 *
 * <p>Written with {@link #de}, {@link #en} or {@link #ru} and the builder:
 *
 * <pre>{@code
 * Scenario.de("Bestandspatient bucht eine Kontrolle")
 *         .caller("Mustermann, geboren am 14.5.1980.")
 *         .calls("identify_patient", "{\"lastName\": \"Mustermann\", \"dateOfBirth\": \"1980-05-14\"}")
 *         .says("Danke, Herr Mustermann. Wann passt es Ihnen?")
 *         ...
 *         .expect(Expect.booked("Mustermann", "kontrolle", "2026-11-24 09:30", "Weber"))
 *         .build();
 * }</pre>
 */
public record Scenario(
        String name,
        String language,
        Channel channel,
        @Nullable String callerNumber,
        List<Setup> setup,
        List<Step> steps,
        List<Expect> expect,
        Offline offline) {

    public Scenario {
        setup = List.copyOf(setup);
        steps = List.copyOf(steps);
        expect = List.copyOf(expect);
        if (expect.isEmpty()) {
            throw new IllegalArgumentException(name + ": a scenario needs a database check");
        }
    }

    /**
     * One turn: what the caller says, the answers a good model gives to it (each tool-call answer is
     * followed by the model's next request, the last answer is its words), and what the tools must
     * return in this turn (checked with the scripted model only).
     */
    public record Step(String caller, List<Answer> model, List<ToolCheck> checks) {
        public Step {
            model = List.copyOf(model);
            checks = List.copyOf(checks);
        }
    }

    /**
     * What a tool answers in a turn: its output contains {@code contains}; with {@code error}, it
     * refused with that error code. Any tool error not named by a check fails the scenario.
     */
    public record ToolCheck(String tool, String contains, boolean error) {
        @Override
        public String toString() {
            return tool + (error ? " refuses with " : " answers ") + contains;
        }
    }

    /** The caller turns alone, as the offline engine gets them. */
    public List<String> callerTurns() {
        return steps.stream().map(Step::caller).toList();
    }

    /** The name JUnit shows. */
    @Override
    public String toString() {
        return "[" + language + (channel == Channel.PHONE ? ", phone" : "") + "] " + name;
    }

    /** Tool arguments as JSON from name-value pairs: {@code args("slotId", "S2")} is {"slotId": "S2"}. */
    public static String args(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            json.append(i == 0 ? "" : ", ")
                    .append('"')
                    .append(namesAndValues[i])
                    .append("\": \"")
                    .append(namesAndValues[i + 1].replace("\"", "\\\""))
                    .append('"');
        }
        return json.append('}').toString();
    }

    public static Builder de(String name) {
        return new Builder(name, "de");
    }

    public static Builder en(String name) {
        return new Builder(name, "en");
    }

    public static Builder ru(String name) {
        return new Builder(name, "ru");
    }

    /** Builds a scenario turn by turn. */
    public static final class Builder {
        private final String name;
        private final String language;
        private Channel channel = Channel.WEB;
        private @Nullable String callerNumber;
        private final List<Setup> setup = new ArrayList<>();
        private final List<Step> steps = new ArrayList<>();
        private final List<Expect> expect = new ArrayList<>();
        private Offline offline = new Offline.Same();
        private @Nullable String caller;
        private final List<Answer> answers = new ArrayList<>();
        private final List<ToolCheck> checks = new ArrayList<>();

        private Builder(String name, String language) {
            this.name = name;
            this.language = language;
        }

        /** A phone call from this number (E.164), instead of the web. */
        public Builder phone(String number) {
            this.channel = Channel.PHONE;
            this.callerNumber = number;
            return this;
        }

        /** A phone call whose number could not be read. */
        public Builder phoneWithoutNumber() {
            this.channel = Channel.PHONE;
            this.callerNumber = null;
            return this;
        }

        public Builder setup(Setup... steps) {
            setup.addAll(List.of(steps));
            return this;
        }

        /** Starts the next turn: what the caller says. */
        public Builder caller(String text) {
            finishTurn();
            caller = text;
            return this;
        }

        /** The model calls a tool (its output goes back to the model, which answers again). */
        public Builder calls(String tool, String argumentsJson) {
            requireTurn();
            answers.add(Answer.toolCall(tool, argumentsJson));
            return this;
        }

        /** The model calls another tool in the same step, in parallel with the previous call. */
        public Builder alsoCalls(String tool, String argumentsJson) {
            requireTurn();
            if (answers.isEmpty() || answers.getLast().toolCalls().isEmpty()) {
                throw new IllegalStateException(name + ": alsoCalls needs a tool call before it");
            }
            answers.add(answers.removeLast().withToolCall(tool, argumentsJson));
            return this;
        }

        /** The model's words, which end its answer to this turn. */
        public Builder says(String text) {
            requireTurn();
            answers.add(Answer.text(text));
            return this;
        }

        /**
         * The model's words together with a tool call that runs once they were heard (end_call,
         * transfer_to_staff); the model has nothing to add after the tool's output.
         */
        public Builder saysAndCalls(String text, String tool, String argumentsJson) {
            requireTurn();
            answers.add(Answer.text(text).withToolCall(tool, argumentsJson));
            answers.add(Answer.text(""));
            return this;
        }

        /** In this turn, {@code tool}'s output contains {@code part}. */
        public Builder expectOutput(String tool, String part) {
            requireTurn();
            checks.add(new ToolCheck(tool, part, false));
            return this;
        }

        /** In this turn, {@code tool} refuses, its error naming {@code code} (or other words of it). */
        public Builder expectError(String tool, String code) {
            requireTurn();
            checks.add(new ToolCheck(tool, code, true));
            return this;
        }

        /** What the database holds after the conversation. */
        public Builder expect(Expect... checks) {
            expect.addAll(List.of(checks));
            return this;
        }

        /** The offline engine is expected to reach something else than the scripted model, because… */
        public Builder offline(String because, Expect... checks) {
            offline = new Offline.Instead(because, List.of(checks));
            return this;
        }

        /** The offline engine is known not to manage this yet; the offline test is aborted with the reason. */
        public Builder offlineKnownGap(String reason) {
            offline = new Offline.KnownGap(reason);
            return this;
        }

        public Scenario build() {
            finishTurn();
            return new Scenario(name, language, channel, callerNumber, setup, steps, expect, offline);
        }

        private void requireTurn() {
            if (caller == null) {
                throw new IllegalStateException(name + ": the caller speaks first");
            }
        }

        private void finishTurn() {
            if (caller == null) {
                return;
            }
            if (answers.isEmpty() || !answers.getLast().toolCalls().isEmpty()) {
                throw new IllegalStateException(name + ": the model's answer to \"" + caller + "\" must end in words");
            }
            steps.add(new Step(Objects.requireNonNull(caller), answers, checks));
            caller = null;
            answers.clear();
            checks.clear();
        }
    }
}
