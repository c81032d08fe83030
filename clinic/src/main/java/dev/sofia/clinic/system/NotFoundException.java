package dev.sofia.clinic.system;

import java.util.List;
import org.springframework.http.HttpStatus;

/** 404: the resource in the path does not exist. */
public class NotFoundException extends ProblemException {

    public NotFoundException(String what, Object id) {
        super(HttpStatus.NOT_FOUND, "not-found", "Not found", "No " + what + " with id " + id, List.of());
    }
}
