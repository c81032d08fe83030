package dev.sofia.agents.openai;

import java.util.function.Supplier;
import okhttp3.Call;
import okhttp3.Interceptor;
import org.jspecify.annotations.Nullable;

/**
 * The OkHttp call behind one SDK request, so that closing a stream can cancel it. The SDK does not
 * expose its calls; an interceptor sees them, on the thread that executes the request (the SDK's
 * blocking calls run the interceptor chain on the caller's thread), and hands them to the slot that
 * thread registered. {@link Call#cancel()} is thread-safe and unblocks a pending read at once,
 * unlike closing the response from another thread while it is being read.
 */
final class HttpCall {

    private static final ThreadLocal<HttpCall> CURRENT = new ThreadLocal<>();

    private volatile @Nullable Call call;
    private volatile boolean cancelled;

    static Interceptor interceptor() {
        return chain -> {
            HttpCall slot = CURRENT.get();
            if (slot != null) {
                slot.attach(chain.call());
            }
            return chain.proceed(chain.request());
        };
    }

    /** Runs {@code request} on this thread with its HTTP call attached to this slot. */
    <T> T run(Supplier<T> request) {
        CURRENT.set(this);
        try {
            return request.get();
        } finally {
            CURRENT.remove();
        }
    }

    /** Cancels the call now, or as soon as it starts. */
    void cancel() {
        cancelled = true;
        Call current = call;
        if (current != null) {
            current.cancel();
        }
    }

    private void attach(Call newCall) {
        call = newCall;
        if (cancelled) {
            newCall.cancel();
        }
    }
}
