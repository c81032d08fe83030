package dev.sofia.clinic.livekit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.sofia.clinic.system.TooManyRequestsException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Token-bucket limits (Bucket4j) per client on the public endpoints that create rooms and mint
 * tokens: each costs LiveKit work and an agent job, so one client must not be able to flood them.
 * A client may send a burst of {@code capacity} requests, then one per {@code refill-period}.
 * Buckets live in memory per instance (bounded, idle ones expire); behind a load balancer each
 * instance limits on its own, which still bounds a flood to instances × limit.
 */
@Component
public class CallerRateLimiter {

    private final long capacity;
    private final Duration refillPeriod;
    private final Cache<String, Bucket> buckets;
    private final MeterRegistry meters;

    CallerRateLimiter(
            @Value("${sofia.rate-limit.callers.capacity:10}") long capacity,
            @Value("${sofia.rate-limit.callers.refill-period:6s}") Duration refillPeriod,
            MeterRegistry meters) {
        if (capacity < 1 || refillPeriod.isNegative() || refillPeriod.isZero()) {
            throw new IllegalArgumentException(
                    "sofia.rate-limit.callers needs capacity >= 1 and a positive refill period");
        }
        this.capacity = capacity;
        this.refillPeriod = refillPeriod;
        this.meters = meters;
        // An idle bucket refills completely within capacity × period, after which forgetting it
        // changes nothing; the size bound caps memory under a flood of distinct addresses.
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(refillPeriod.multipliedBy(capacity).plusMinutes(1))
                .maximumSize(100_000)
                .build();
    }

    /**
     * Takes one request from this client's bucket.
     *
     * @param client who is asking (the remote address)
     * @param endpoint a short name for metrics, e.g. "connect"
     * @throws TooManyRequestsException with the time until the next request is accepted
     */
    public void acquire(String client, String endpoint) {
        Bucket bucket = buckets.get(client, key -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            meters.counter("sofia.rate_limit.rejected", "endpoint", endpoint).increment();
            throw new TooManyRequestsException(
                    "Too many requests from this client; try again later.",
                    Duration.ofNanos(probe.getNanosToWaitForRefill()));
        }
    }

    /** The burst size: how many requests a client may send at once. */
    public long capacity() {
        return capacity;
    }

    /** Forgets every client's history (for tests that share one app). */
    public void forgetAllClients() {
        buckets.invalidateAll();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(1, refillPeriod)
                        .build())
                .build();
    }
}
