package dev.sofia.clinic.receptionist.corpus;

import dev.sofia.agents.testkit.Conversation;
import dev.sofia.clinic.receptionist.offline.OfflineDialog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus with the offline dialog engine instead of a model: the same caller turns, the real
 * tools and database, and each scenario's offline expectation — the same database state as with
 * the scripted model, another one the scenario names with its reason (e.g. a Russian caller gets
 * a message taken), or a known gap of the engine, which aborts the test with its reason (run them
 * anyway, against the scripted model's checks, with {@code -Dcorpus.runKnownGaps=true}).
 */
class OfflineCorpusTests extends CorpusTestBase {

    static Stream<Scenario> scenarios() {
        return Corpus.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void scenario(Scenario scenario) throws InterruptedException {
        List<Expect> expected = switch (scenario.offline()) {
            case Offline.Same same -> scenario.expect();
            case Offline.Instead instead -> instead.expect();
            case Offline.KnownGap gap -> {
                if (!Boolean.getBoolean("corpus.runKnownGaps")) {
                    Assumptions.abort("known gap of the offline engine: " + gap.reason());
                }
                yield scenario.expect(); // -Dcorpus.runKnownGaps=true: see how far the engine gets
            }
        };
        Conversation chat = startCall(scenario, OfflineDialog::new);
        List<String> transcript = new ArrayList<>();
        for (String text : scenario.callerTurns()) {
            if (chat.session().isClosed()) {
                transcript.add("(the call has ended)");
                break;
            }
            transcript.add("caller: " + text);
            Conversation.Turn turn = chat.run(text);
            turn.items().forEach(item -> transcript.add(ScriptedModelCorpusTests.describe(item)));
        }
        try {
            checkDatabase(expected);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + String.join("\n", transcript), e);
        }
    }
}
