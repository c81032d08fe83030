package dev.sofia.clinic.livekit;

import dev.sofia.clinic.system.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A LiveKit server API call failed: 503 to our client when LiveKit could not be reached, 502 when
 * it answered with an error. {@link #liveKitStatus()} keeps LiveKit's own HTTP status (0 when
 * unreachable) for callers that treat, say, a 404 as "already gone".
 */
public final class LiveKitCallException extends ProblemException {

    private final int liveKitStatus;

    private LiveKitCallException(HttpStatus status, String slug, String title, String detail, int liveKitStatus) {
        super(status, slug, title, detail, List.of());
        this.liveKitStatus = liveKitStatus;
    }

    static LiveKitCallException unreachable(String what, Exception cause) {
        LiveKitCallException e = new LiveKitCallException(
                HttpStatus.SERVICE_UNAVAILABLE,
                "livekit-unavailable",
                "LiveKit is not reachable",
                what + ": LiveKit did not answer (" + cause.getClass().getSimpleName() + ")",
                0);
        e.initCause(cause);
        return e;
    }

    static LiveKitCallException refused(String what, int status, String message) {
        return new LiveKitCallException(
                HttpStatus.BAD_GATEWAY,
                "livekit-error",
                "LiveKit refused the request",
                what + ": LiveKit answered " + status + ": " + message,
                status);
    }

    public int liveKitStatus() {
        return liveKitStatus;
    }

    public boolean notFound() {
        return liveKitStatus == 404;
    }

    @Override
    public Map<String, Object> extensions() {
        return liveKitStatus == 0 ? Map.of() : Map.of("liveKitStatus", liveKitStatus);
    }
}
