package dev.sofia.clinic.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 413: the request body is larger than {@code sofia.http.max-body-bytes}. */
public class RequestBodyTooLargeException extends ProblemException {

    public RequestBodyTooLargeException(long limitBytes) {
        super(
                HttpStatus.CONTENT_TOO_LARGE,
                "body-too-large",
                "Request body too large",
                "The request body exceeds " + limitBytes + " bytes",
                List.of(new FieldProblem("body", "exceeds " + limitBytes + " bytes")));
    }
}
