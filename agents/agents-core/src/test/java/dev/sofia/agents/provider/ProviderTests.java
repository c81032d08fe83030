package dev.sofia.agents.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ProviderTests {

    private static final ConnectOptions FAST = new ConnectOptions(3, Duration.ofMillis(1), Duration.ofSeconds(1));

    private final Provider provider = new Provider("test.provider") {};
    private final RecordingListener listener = new RecordingListener();
    private final AtomicInteger calls = new AtomicInteger();

    ProviderTests() {
        provider.addListener(listener);
    }

    @Test
    void aSuccessfulCallIsCalledOnce() throws Exception {
        assertThat(provider.callWithRetries(FAST, () -> calls.incrementAndGet()))
                .isEqualTo(1);
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void retryableFailuresAreRetriedUntilOneSucceeds() throws Exception {
        String answer = provider.callWithRetries(FAST, () -> {
            if (calls.incrementAndGet() < 3) {
                throw new ProviderStatusException("test.provider", 503, "busy");
            }
            return "ok";
        });

        assertThat(answer).isEqualTo("ok");
        assertThat(listener.events(ProviderError.class))
                .extracting(ProviderError::attempt)
                .containsExactly(1, 2);
    }

    @Test
    void afterMaxRetriesTheLastFailureIsThrown() {
        assertThatThrownBy(() -> provider.callWithRetries(FAST, () -> {
                    throw new ProviderStatusException("test.provider", 429, "attempt " + calls.incrementAndGet());
                }))
                .isInstanceOf(ProviderStatusException.class)
                .hasMessageContaining("attempt 4");
        assertThat(calls).hasValue(4);
        assertThat(listener.events(ProviderError.class))
                .last()
                .satisfies(e -> assertThat(e.retrying()).isFalse());
    }

    @Test
    void nonRetryableAndUnexpectedFailuresAreThrownAtOnce() {
        assertThatThrownBy(() -> provider.callWithRetries(FAST, () -> {
                    calls.incrementAndGet();
                    throw new ProviderStatusException("test.provider", 400, "bad");
                }))
                .isInstanceOf(ProviderStatusException.class);
        assertThatThrownBy(() -> provider.callWithRetries(FAST, () -> {
                    calls.incrementAndGet();
                    throw new IOException("disk");
                }))
                .isInstanceOf(ProviderException.class)
                .hasCauseInstanceOf(IOException.class);
        assertThat(calls).hasValue(2);
    }

    @Test
    void anInterruptedCallIsNotReportedAsAnError() {
        assertThatThrownBy(() -> provider.callWithRetries(FAST, () -> {
                    throw new InterruptedException();
                }))
                .isInstanceOf(InterruptedException.class);
        assertThat(listener.events()).isEmpty();
    }

    @Test
    void aFailingListenerDoesNotBreakTheCall() throws Exception {
        provider.addListener(event -> {
            throw new IllegalStateException("listener bug");
        });
        String answer = provider.callWithRetries(FAST, () -> {
            if (calls.incrementAndGet() == 1) {
                throw new ProviderConnectionException("test.provider", "reset", null);
            }
            return "ok";
        });
        assertThat(answer).isEqualTo("ok");
        assertThat(listener.events()).hasSize(1);
    }

    @Test
    void statusCodesDecideRetryable() {
        assertThat(ProviderStatusException.isRetryable(429)).isTrue();
        assertThat(ProviderStatusException.isRetryable(500)).isTrue();
        assertThat(ProviderStatusException.isRetryable(408)).isTrue();
        assertThat(ProviderStatusException.isRetryable(401)).isFalse();
        assertThat(ProviderStatusException.isRetryable(400)).isFalse();
    }

    @Test
    void connectOptionsRejectNonsense() {
        assertThatThrownBy(() -> new ConnectOptions(-1, Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConnectOptions(1, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
