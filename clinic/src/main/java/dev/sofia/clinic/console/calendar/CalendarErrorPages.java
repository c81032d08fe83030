package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.system.NotFoundException;
import dev.sofia.clinic.system.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of the calendar's pages as the console's error page (templates/error.html), not as the
 * API's problem+json: an unknown appointment is 404, anything unexpected 500 (logged). Refusals
 * of a form never get here; the controllers show them on the form.
 */
@ControllerAdvice(basePackageClasses = CalendarErrorPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CalendarErrorPages {

    private static final Logger log = LoggerFactory.getLogger(CalendarErrorPages.class);

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(NotFoundException e) {
        return page(HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(ProblemException.class)
    ModelAndView problem(ProblemException e) {
        return page(e.status());
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse
                || e instanceof org.springframework.security.access.AccessDeniedException
                || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // Spring MVC and Spring Security answer these themselves
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.io.IOException) {
                throw e; // the browser went away (an htmx search overtaken by the next keystroke)
            }
        }
        log.error("Calendar page failed", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR);
    }

    private static ModelAndView page(HttpStatus status) {
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        return page;
    }
}
