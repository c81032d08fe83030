package dev.sofia.agents.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.agents.llm.ChatChunk;
import dev.sofia.agents.llm.ChatContext;
import dev.sofia.agents.llm.ChatRequest;
import dev.sofia.agents.llm.ChatRole;
import dev.sofia.agents.llm.LlmCapabilities;
import dev.sofia.agents.llm.LlmStream;
import dev.sofia.agents.llm.ScriptedLlm;
import dev.sofia.agents.provider.ProviderConnectionException;
import dev.sofia.agents.provider.ProviderError;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStatusException;
import dev.sofia.agents.provider.RecordingListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FallbackLlmTests {

    private static final ProbeSchedule FAST_PROBES = new ProbeSchedule(Duration.ofMillis(10), Duration.ofMillis(40));
    private static final ChatRequest REQUEST =
            ChatRequest.of(new ChatContext().addMessage(ChatRole.USER, "Haben Sie morgen Zeit?"));

    private final AtomicBoolean primaryDown = new AtomicBoolean(true);
    private final ScriptedLlm primary = new ScriptedLlm("primary.llm", (call, request, out) -> {
        if (primaryDown.get()) {
            throw new ProviderStatusException("primary.llm", 503, "overloaded");
        }
        ScriptedLlm.answering("Ja, ", "primär.").run(call, request, out);
    });
    private final ScriptedLlm backup = new ScriptedLlm("backup.llm", ScriptedLlm.answering("Ja, ", "Ersatz."));
    private final RecordingListener listener = new RecordingListener();
    private FallbackLlm llm = fallback(new ProbeSchedule(Duration.ofHours(1), Duration.ofHours(1)));

    @AfterEach
    void closeProbes() {
        llm.close();
    }

    @Test
    void aFailureBeforeTheFirstChunkSendsTheSameRequestToTheNextModel() throws Exception {
        assertThat(ScriptedLlm.text(llm.chat(REQUEST))).isEqualTo("Ja, Ersatz.");

        assertThat(llm.isAvailable(primary)).isFalse();
        assertThat(listener.events(AvailabilityChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.provider()).isEqualTo("fallback.llm");
            assertThat(e.target()).isEqualTo("primary.llm");
            assertThat(e.available()).isFalse();
            assertThat(e.cause()).isInstanceOf(ProviderStatusException.class);
        });
        assertThat(listener.events(ProviderError.class)).isEmpty(); // the caller saw no failure

        // While it is unavailable, the next request goes straight to the backup.
        assertThat(ScriptedLlm.text(llm.chat(REQUEST))).isEqualTo("Ja, Ersatz.");
        assertThat(primary.calls()).isEqualTo(1);
        assertThat(backup.calls()).isEqualTo(2);
    }

    @Test
    void anUnavailableModelIsUsedAgainOnceItAnswersAProbe() throws Exception {
        llm.close();
        llm = fallback(FAST_PROBES);
        assertThat(ScriptedLlm.text(llm.chat(REQUEST))).isEqualTo("Ja, Ersatz.");
        Await.until("probes while it is down", () -> primary.calls() >= 3);
        assertThat(llm.isAvailable(primary)).isFalse();

        primaryDown.set(false);

        Await.until("primary back", () -> llm.isAvailable(primary));
        assertThat(listener.events(AvailabilityChanged.class))
                .extracting(AvailabilityChanged::available)
                .containsExactly(false, true);
        assertThat(ScriptedLlm.text(llm.chat(REQUEST))).isEqualTo("Ja, primär.");
    }

    @Test
    void whenAllModelsFailTheCallFailsWithTheLastError() throws Exception {
        backup.setScript((call, request, out) -> {
            throw new ProviderConnectionException("backup.llm", "unreachable", null);
        });

        LlmStream stream = llm.chat(REQUEST);

        assertThatThrownBy(stream::next)
                .isInstanceOf(ProviderConnectionException.class)
                .hasMessageContaining("backup.llm");
        assertThat(llm.isAvailable(backup)).isFalse();
        assertThat(listener.events(ProviderError.class))
                .singleElement()
                .satisfies(e -> assertThat(e.retrying()).isFalse());

        // With none available, a call tries them all again rather than failing unheard.
        primaryDown.set(false);
        assertThat(ScriptedLlm.text(llm.chat(REQUEST))).isEqualTo("Ja, primär.");
        assertThat(llm.isAvailable(primary)).isTrue();
    }

    @Test
    void noSwitchOnceTheAnswerHasBegun() throws Exception {
        primary.setScript((call, request, out) -> {
            out.accept(ChatChunk.text("r", "Ja, "));
            throw new ProviderConnectionException("primary.llm", "dropped", null);
        });

        LlmStream stream = llm.chat(REQUEST);

        assertThat(stream.next().text()).isEqualTo("Ja, ");
        assertThatThrownBy(stream::next).isInstanceOf(ProviderConnectionException.class);
        assertThat(backup.calls()).isZero();
        assertThat(llm.isAvailable(primary)).isFalse();
    }

    @Test
    void closingTheStreamCancelsTheModelsRequest() throws Exception {
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        primaryDown.set(false);
        primary.setScript((call, request, out) -> {
            started.countDown();
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            }
        });
        LlmStream stream = llm.chat(REQUEST);
        started.await();

        stream.close();

        Await.until("primary's request interrupted", interrupted::get);
        assertThat(llm.isAvailable(primary)).isTrue();
    }

    @Test
    void toolCapabilitiesAreWhatAllModelsCanDo() {
        assertThat(llm.capabilities()).isEqualTo(new LlmCapabilities(true, true));
        assertThatThrownBy(() -> new FallbackLlm(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FallbackLlm(List.of(primary, primary))).hasMessageContaining("twice");
        assertThat(llm.connectOptions().maxRetries()).isZero();
        assertThat(ProviderException.class).isNotNull();
    }

    private FallbackLlm fallback(ProbeSchedule probes) {
        FallbackLlm fallback = new FallbackLlm(List.of(primary, backup), probes);
        fallback.addListener(listener);
        return fallback;
    }
}
