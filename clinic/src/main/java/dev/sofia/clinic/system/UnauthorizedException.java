package dev.sofia.clinic.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * 401: the request did not prove who sent it (a webhook without a valid signature). The detail
 * never says which check failed, so a caller probing signatures learns nothing.
 */
public class UnauthorizedException extends ProblemException {

    public UnauthorizedException(String slug, String title, String detail) {
        super(HttpStatus.UNAUTHORIZED, slug, title, detail, List.of());
    }
}
