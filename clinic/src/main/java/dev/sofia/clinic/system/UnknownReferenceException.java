package dev.sofia.clinic.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 422: a field names something that does not exist (an unknown patient, doctor or type id). */
public class UnknownReferenceException extends ProblemException {

    public UnknownReferenceException(String field, String what) {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "unknown-reference",
                "Unknown reference",
                field + ": no such " + what,
                List.of(new FieldProblem(field, "no such " + what)));
    }
}
