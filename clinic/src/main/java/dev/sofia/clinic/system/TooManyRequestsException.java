package dev.sofia.clinic.system;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 429: this client sent too many requests; Retry-After says when the next one will be accepted. */
public class TooManyRequestsException extends ProblemException {

    private final long retryAfterSeconds;

    public TooManyRequestsException(String detail, Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests", detail, List.of());
        // Retry-After is whole seconds; round up so a client that obeys it is never refused again.
        this.retryAfterSeconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("retryAfterSeconds", retryAfterSeconds);
    }

    @Override
    public Map<String, String> headers() {
        return Map.of("Retry-After", Long.toString(retryAfterSeconds));
    }
}
