package dev.sofia.clinic.console.calendar;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/** Small things every calendar page controller needs: answers, options for selects, keys. */
final class Pages {

    private Pages() {}

    /** An option of a select; {@code value} is what the form sends. */
    public record Option(String value, String label, boolean selected) {}

    /** 303 to {@code url}: after a POST the browser GETs the page, so a reload does not repeat it. */
    static ModelAndView seeOther(String url) {
        RedirectView redirect = new RedirectView(url, true);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

    /** The view with a status: 200 normally, 422 when the form comes back with its errors. */
    static ModelAndView page(String view, HttpStatus status) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        return page;
    }

    /** A fresh idempotency key for a form: printable ASCII, as the booking service wants. */
    static String newKey() {
        return "console-" + UUID.randomUUID();
    }

    /** The key as sent, if the booking service would take it; otherwise none. */
    static String usableKey(String key) {
        return key != null && key.matches("[\\x21-\\x7E]{1,200}") ? key : null;
    }
}
