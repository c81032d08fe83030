package dev.sofia.agents.livekit;

import java.time.Duration;
import java.util.function.Supplier;
import livekit.LivekitRtc.Ping;
import livekit.LivekitRtc.Pong;
import livekit.LivekitRtc.SignalRequest;
import org.jspecify.annotations.Nullable;

/**
 * Keeps the signal connection honest: a {@code ping_req} every ping interval, and a report when the
 * server has been silent (no message, pong or WebSocket ping) for longer than the ping timeout —
 * a dead TCP connection is otherwise only noticed much later. Runs on its own virtual thread.
 */
final class Pinger {

    private final Supplier<@Nullable SignalClient> signal;
    private final Runnable onSilence;
    private final Duration interval;
    private final long timeoutNanos;
    private final Thread thread;
    private volatile long rttMillis;

    /** Intervals of 0 (older servers) fall back to LiveKit's defaults, 5 s and 15 s. */
    Pinger(Supplier<@Nullable SignalClient> signal, int intervalSeconds, int timeoutSeconds, Runnable onSilence) {
        this.signal = signal;
        this.onSilence = onSilence;
        this.interval = Duration.ofSeconds(intervalSeconds > 0 ? intervalSeconds : 5);
        this.timeoutNanos =
                Duration.ofSeconds(timeoutSeconds > 0 ? timeoutSeconds : 15).toNanos();
        this.thread = Thread.ofVirtual().name("livekit-ping").start(this::run);
    }

    long rttMillis() {
        return rttMillis;
    }

    void onPong(Pong pong) {
        rttMillis = Math.max(0, System.currentTimeMillis() - pong.getLastPingTimestamp());
    }

    void close() {
        thread.interrupt();
    }

    private void run() {
        try {
            while (true) {
                Thread.sleep(interval);
                SignalClient client = signal.get();
                if (client == null) {
                    continue;
                }
                if (client.nanosSinceLastMessage() > timeoutNanos) {
                    onSilence.run();
                    // The room resumes with a new client or closes; look again after the interval.
                    continue;
                }
                client.send(SignalRequest.newBuilder()
                        .setPingReq(Ping.newBuilder()
                                .setTimestamp(System.currentTimeMillis())
                                .setRtt(rttMillis))
                        .build());
            }
        } catch (InterruptedException e) {
            // room closing
        }
    }
}
