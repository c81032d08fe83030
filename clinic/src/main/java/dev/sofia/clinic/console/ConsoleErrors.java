package dev.sofia.clinic.console;

import dev.sofia.clinic.system.ProblemException;
import java.io.IOException;
import java.util.NoSuchElementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures in console pages become the error page (templates/error.html) with the right status,
 * not the problem+json the REST API answers with: a person is reading. Runs before the API's
 * ProblemHandler, and only for the console's controllers. Refusals of a form never get here: the
 * pages show those on the form, with 422.
 */
@ControllerAdvice(basePackages = "dev.sofia.clinic.console")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

    private static final Logger log = LoggerFactory.getLogger(ConsoleErrors.class);

    /** A record that does not exist, or an id that cannot be one ("/console/calls/abc"). */
    @ExceptionHandler({NoSuchElementException.class, MethodArgumentTypeMismatchException.class})
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND);
    }

    /** A refusal from a service the page did not handle itself, e.g. a record deleted meanwhile. */
    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e) {
        return page(e.status());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e; // Spring Security answers these: the login page or 403
        }
        if (e instanceof ErrorResponse mvc) {
            return page(mvc.getStatusCode()); // a wrong method, a missing parameter, a 404 thrown on purpose
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                throw e; // the browser went away (an htmx search overtaken by the next keystroke)
            }
        }
        log.error("Unhandled exception in a console page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static ModelAndView page(HttpStatusCode status) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        return page;
    }
}
