package dev.sofia.clinic.system;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** 409: the request is valid but clashes with the current state (a taken slot, an illegal transition). */
public class ConflictException extends ProblemException {

    private final Map<String, Object> extensions;

    public ConflictException(String slug, String title, String detail, Map<String, Object> extensions) {
        super(HttpStatus.CONFLICT, slug, title, detail, List.of());
        this.extensions = Map.copyOf(extensions);
    }

    public ConflictException(String slug, String title, String detail) {
        this(slug, title, detail, Map.of());
    }

    @Override
    public Map<String, Object> extensions() {
        return extensions;
    }
}
