package dev.sofia.agents.provider;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A stream whose transport is a test script: each run gets the attempt number; what the script
 * reads is recorded. {@code retryAfterOutput} is chosen per test.
 */
final class ScriptedStream extends ProviderStream<String, String> {

    /** One run of the transport. */
    interface Script {
        void run(int attempt, StreamInput<String> in, Consumer<String> out) throws Exception;
    }

    final AtomicInteger attempts = new AtomicInteger();
    final List<Object> consumed = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch finished = new CountDownLatch(1);
    volatile boolean interrupted;
    volatile boolean cancelledAtFinish;

    private final Script script;
    private final boolean retryAfterOutput;

    ScriptedStream(Provider provider, ConnectOptions options, boolean retryAfterOutput, Script script) {
        super(provider, options);
        this.script = script;
        this.retryAfterOutput = retryAfterOutput;
    }

    static ScriptedStream started(Provider provider, ConnectOptions options, boolean retryAfterOutput, Script script) {
        ScriptedStream stream = new ScriptedStream(provider, options, retryAfterOutput, script);
        stream.start();
        return stream;
    }

    void push(String item) {
        pushInput(item);
    }

    /** Reads input into {@link #consumed} and echoes data items in upper case until END. */
    static void echo(StreamInput<String> in, Consumer<String> out, List<Object> consumed) throws InterruptedException {
        for (Object item = in.next(); item != StreamInput.END; item = in.next()) {
            consumed.add(item);
            if (StreamInput.isData(item)) {
                out.accept(((String) item).toUpperCase());
            }
        }
    }

    @Override
    protected void run(StreamInput<String> in, Consumer<String> out) throws Exception {
        try {
            script.run(attempts.incrementAndGet(), in, out);
        } catch (InterruptedException e) {
            interrupted = true;
            throw e;
        }
    }

    @Override
    protected boolean retryAfterOutput() {
        return retryAfterOutput;
    }

    @Override
    protected void onFinished(ProviderException failure, boolean cancelled) {
        cancelledAtFinish = cancelled;
        finished.countDown();
    }
}
