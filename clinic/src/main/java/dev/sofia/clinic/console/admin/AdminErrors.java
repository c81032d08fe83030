package dev.sofia.clinic.console.admin;

import dev.sofia.clinic.system.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * An admin page asked for something that is not there (a deleted connection, a user id from an
 * old link): the console's error page with 404, not the API's problem+json, which the app-wide
 * handler would otherwise answer with.
 */
@ControllerAdvice(basePackages = "dev.sofia.clinic.console.admin")
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminErrors {

    @ExceptionHandler(NotFoundException.class)
    void notFound(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
    }
}
