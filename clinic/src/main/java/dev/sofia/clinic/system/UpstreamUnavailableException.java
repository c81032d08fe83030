package dev.sofia.clinic.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * 503: a service Sofia depends on (LiveKit, a speech provider) is not reachable or refused the
 * call. The detail names the service and what failed, never its credentials.
 */
public class UpstreamUnavailableException extends ProblemException {

    public UpstreamUnavailableException(String slug, String title, String detail) {
        super(HttpStatus.SERVICE_UNAVAILABLE, slug, title, detail, List.of());
    }
}
