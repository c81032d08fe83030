package dev.sofia.clinic.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 400: the request is well-formed JSON but one or more fields are unacceptable. */
public class InvalidInputException extends ProblemException {

    public InvalidInputException(String field, String reason) {
        this(List.of(new FieldProblem(field, reason)));
    }

    public InvalidInputException(List<FieldProblem> errors) {
        super(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", describe(errors), errors);
    }

    private static String describe(List<FieldProblem> errors) {
        return errors.stream()
                .map(e -> e.field() + ": " + e.reason())
                .reduce((a, b) -> a + "; " + b)
                .orElse("");
    }
}
