package dev.sofia.clinic.console.admin;

import dev.sofia.clinic.practice.Practice;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The admin pages' texts in the page's language, and the services' problems turned into them. The
 * services explain a refusal in English ("is required", "must be after opens"); a reason with a
 * key {@code admin.reason.<reason as a slug>} in i18n/admin*.properties is shown in the page's
 * language, any other one as the service wrote it, so a new rule is never shown without a reason.
 */
@Component
public class AdminMessages {

    private static final String ZONE = AdminMessages.class.getName() + ".zone";

    private final MessageSource messages;
    private final PracticeCatalog catalog;
    private final Clock clock;

    AdminMessages(MessageSource messages, PracticeCatalog catalog, Clock clock) {
        this.messages = messages;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * A moment as the page shows it: in the practice's time zone, in the page's language; "–" for
     * none. Templates call it as {@code ${@adminMessages.dateTime(…)}}.
     */
    public String dateTime(@Nullable Instant instant) {
        if (instant == null) {
            return "–";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale())
                .format(instant.atZone(zone()));
    }

    /** The practice's zone, looked up once per request (a page shows many times). */
    private ZoneId zone() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ZONE, RequestAttributes.SCOPE_REQUEST) instanceof ZoneId zone) {
            return zone;
        }
        ZoneId zone = catalog.findPractice().map(Practice::timeZone).orElse(clock.getZone());
        if (request != null) {
            request.setAttribute(ZONE, zone, RequestAttributes.SCOPE_REQUEST);
        }
        return zone;
    }

    /** The text of {@code key} in the current page's language. */
    public String text(String key, Object... args) {
        return messages.getMessage(key, args, locale());
    }

    /** A service's reason in the page's language, if there is a text for it. */
    public String reason(String reason) {
        return messages.getMessage("admin.reason." + slug(reason), null, reason, locale());
    }

    /** Field problems by the form's field names ({@code rename} maps a service field to a form field). */
    public Map<String, String> fieldErrors(ProblemException e, UnaryOperator<String> rename) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldProblem p : e.errors()) {
            errors.merge(rename.apply(p.field()), reason(p.reason()), (a, b) -> a + "; " + b);
        }
        return errors;
    }

    /** A problem without fields (a conflict, say): its text by the problem type, else its detail. */
    public String problem(ProblemException e) {
        String path = e.type().getPath();
        String slug = path.substring(path.lastIndexOf('/') + 1);
        return messages.getMessage("admin.problem." + slug, null, e.getMessage(), locale());
    }

    static String slug(String reason) {
        return reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }
}
