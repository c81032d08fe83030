package dev.sofia.agents.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ProviderStreamTests {

    private static final ConnectOptions FAST = new ConnectOptions(2, Duration.ofMillis(1), Duration.ofSeconds(1));

    private final Provider provider = new Provider("test.provider") {};
    private final RecordingListener listener = new RecordingListener();

    ProviderStreamTests() {
        provider.addListener(listener);
    }

    @Test
    void deliversOutputInOrderAndThenNullForever() throws Exception {
        ScriptedStream stream = echoStream(FAST);
        stream.push("a");
        stream.flush();
        stream.push("b");
        stream.endInput();

        assertThat(stream.next()).isEqualTo("A");
        assertThat(stream.next()).isEqualTo("B");
        assertThat(stream.next()).isNull();
        assertThat(stream.next()).isNull();
        assertThat(stream.isFinished()).isTrue();
        assertThat(stream.consumed).containsExactly("a", StreamInput.FLUSH, "b");
    }

    @Test
    void pollReturnsNullWhenNothingCameInTime() throws Exception {
        ScriptedStream stream = echoStream(FAST);
        assertThat(stream.poll(Duration.ofMillis(20))).isNull();
        assertThat(stream.isFinished()).isFalse();
        stream.push("x");
        assertThat(stream.poll(Duration.ofSeconds(5))).isEqualTo("X");
        stream.close();
    }

    @Test
    void pushingAfterEndOrCloseThrows() {
        ScriptedStream stream = echoStream(FAST);
        stream.endInput();
        assertThatThrownBy(() -> stream.push("late")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(stream::flush).isInstanceOf(IllegalStateException.class);
        stream.endInput(); // twice is harmless

        ScriptedStream closed = echoStream(FAST);
        closed.close();
        assertThatThrownBy(() -> closed.push("late")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void closeInterruptsTheTransportAndDiscardsOutput() throws Exception {
        CountDownLatch produced = new CountDownLatch(1);
        ScriptedStream stream = ScriptedStream.started(provider, FAST, false, (attempt, in, out) -> {
            out.accept("early");
            produced.countDown();
            Thread.sleep(Long.MAX_VALUE);
        });
        assertThat(produced.await(5, TimeUnit.SECONDS)).isTrue();

        stream.close();

        assertThat(stream.next()).isNull();
        assertThat(stream.isClosed()).isTrue();
        assertThat(stream.isFinished()).isTrue();
        assertThat(stream.finished.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.interrupted).isTrue();
        assertThat(stream.cancelledAtFinish).isTrue();
        assertThat(listener.events(ProviderError.class)).isEmpty();
    }

    @Test
    void outputDeliveredAfterCloseIsNeverSeen() throws Exception {
        // The transport ignores the interrupt and goes on producing, as a blocking socket read may.
        CountDownLatch closed = new CountDownLatch(1);
        ScriptedStream stream = ScriptedStream.started(provider, FAST, false, (attempt, in, out) -> {
            awaitIgnoringInterrupts(closed);
            for (int i = 0; i < 100; i++) {
                out.accept("late-" + i);
            }
        });
        stream.close();
        closed.countDown();
        assertThat(stream.finished.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 5; i++) {
            assertThat(stream.next()).isNull();
        }
    }

    @Test
    void aFailureIsThrownAfterTheOutputBeforeItAndOnEveryLaterCall() throws Exception {
        ProviderException boom = new ProviderException("test.provider", "bad request", false);
        ScriptedStream stream = ScriptedStream.started(provider, FAST, false, (attempt, in, out) -> {
            out.accept("partial");
            throw boom;
        });

        assertThat(stream.next()).isEqualTo("partial");
        assertThatThrownBy(stream::next).isSameAs(boom);
        assertThatThrownBy(stream::next).isSameAs(boom);
        assertThat(stream.isFinished()).isTrue();
    }

    @Test
    void retryableFailuresAreRetriedWithTheInputNotYetConsumed() throws Exception {
        ScriptedStream stream = ScriptedStream.started(provider, FAST, false, (attempt, in, out) -> {
            Object first = in.next();
            if (attempt < 3) {
                throw new ProviderConnectionException("test.provider", "dropped after " + first, null);
            }
            out.accept("attempt " + attempt + " read " + first);
        });
        stream.push("one");
        stream.push("two");
        stream.push("three");
        stream.endInput();

        assertThat(stream.next()).isEqualTo("attempt 3 read three");
        assertThat(stream.next()).isNull();
        List<ProviderError> errors = listener.events(ProviderError.class);
        assertThat(errors).extracting(ProviderError::attempt).containsExactly(1, 2);
        assertThat(errors).allMatch(ProviderError::retrying);
        assertThat(errors).allMatch(e -> e.provider().equals("test.provider"));
    }

    @Test
    void retriesStopAfterMaxRetriesAndTheLastFailureReachesTheCaller() throws Exception {
        ScriptedStream stream = ScriptedStream.started(provider, FAST, false, (attempt, in, out) -> {
            throw new ProviderTimeoutException("test.provider", "connect", Duration.ofMillis(5));
        });

        assertThatThrownBy(stream::next)
                .isInstanceOf(ProviderTimeoutException.class)
                .hasMessageContaining("timed out");
        assertThat(stream.attempts).hasValue(3);
        assertThat(listener.events(ProviderError.class))
                .extracting(ProviderError::attempt, ProviderError::retrying)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, true),
                        org.assertj.core.groups.Tuple.tuple(2, true),
                        org.assertj.core.groups.Tuple.tuple(3, false));
    }

    @Test
    void nonRetryableFailuresAreNotRetried() throws Exception {
        ScriptedStream stream = ScriptedStream.started(provider, FAST, false, (attempt, in, out) -> {
            throw new ProviderStatusException("test.provider", 401, "invalid key");
        });

        assertThatThrownBy(stream::next).isInstanceOf(ProviderStatusException.class);
        assertThat(stream.attempts).hasValue(1);
        assertThat(listener.events(ProviderError.class)).singleElement().satisfies(e -> {
            assertThat(e.retrying()).isFalse();
            assertThat(e.attempt()).isEqualTo(1);
        });
    }

    @Test
    void anUnexpectedExceptionIsWrappedAndNotRetried() throws Exception {
        ScriptedStream stream = ScriptedStream.started(provider, FAST, false, (attempt, in, out) -> {
            throw new IllegalStateException("bug");
        });

        assertThatThrownBy(stream::next)
                .isInstanceOf(ProviderException.class)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("test.provider: ");
        assertThat(stream.attempts).hasValue(1);
    }

    @Test
    void noRetryAfterOutputUnlessTheRoleAllowsIt() throws Exception {
        ScriptedStream.Script failsAfterOutput = (attempt, in, out) -> {
            out.accept("out-" + attempt);
            if (attempt == 1) {
                throw new ProviderConnectionException("test.provider", "dropped", null);
            }
        };

        ScriptedStream strict = ScriptedStream.started(provider, FAST, false, failsAfterOutput);
        assertThat(strict.next()).isEqualTo("out-1");
        assertThatThrownBy(strict::next).isInstanceOf(ProviderConnectionException.class);
        assertThat(strict.attempts).hasValue(1);

        ScriptedStream lenient = ScriptedStream.started(provider, FAST, true, failsAfterOutput);
        assertThat(lenient.next()).isEqualTo("out-1");
        assertThat(lenient.next()).isEqualTo("out-2");
        assertThat(lenient.next()).isNull();
        assertThat(lenient.attempts).hasValue(2);
    }

    @Test
    void closeWhileWaitingToRetryEndsTheStream() throws Exception {
        ConnectOptions slow = FAST.withRetryInterval(Duration.ofSeconds(30));
        ScriptedStream stream = ScriptedStream.started(provider, slow, false, (attempt, in, out) -> {
            throw new ProviderConnectionException("test.provider", "dropped", null);
        });
        awaitErrors(1);

        stream.close();

        assertThat(stream.finished.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.next()).isNull();
        assertThat(stream.attempts).hasValue(1);
    }

    private ScriptedStream echoStream(ConnectOptions options) {
        ScriptedStream[] self = new ScriptedStream[1];
        self[0] = new ScriptedStream(
                provider, options, false, (attempt, in, out) -> ScriptedStream.echo(in, out, self[0].consumed));
        self[0].start();
        return self[0];
    }

    private void awaitErrors(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (listener.events(ProviderError.class).size() < count && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(listener.events(ProviderError.class)).hasSizeGreaterThanOrEqualTo(count);
    }

    private static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (true) {
            try {
                latch.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
