package dev.sofia.clinic.system;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A failure the client should see as RFC 9457 problem+json. Modules throw one of the subclasses;
 * {@code ProblemHandler} renders it. The message is safe to show: never put secrets or personal
 * data into it.
 */
public abstract class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final List<FieldProblem> errors;

    protected ProblemException(HttpStatus status, String slug, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public HttpStatus status() {
        return status;
    }

    public URI type() {
        return ProblemTypes.of(slug);
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    /** Extra members for the problem body (for example the free alternatives of a conflict). */
    public Map<String, Object> extensions() {
        return Map.of();
    }

    /** Extra response headers (for example Retry-After on 429 and 503). */
    public Map<String, String> headers() {
        return Map.of();
    }
}
