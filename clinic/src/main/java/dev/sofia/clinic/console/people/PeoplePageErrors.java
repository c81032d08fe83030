package dev.sofia.clinic.console.people;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Failures of these pages as pages: the app-wide handler renders problem+json, which is right for
 * the API and wrong for a person in a browser. Ordered first so it is asked before that one.
 */
@ControllerAdvice(basePackageClasses = PeoplePageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PeoplePageErrors {

    @ExceptionHandler(PageNotFound.class)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }
}
