package dev.sofia.clinic.console.people;

import dev.sofia.clinic.system.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Texts for flash notices, resolved in the page's language before the redirect. */
@Component
class PeopleTexts {

    private final MessageSource messages;

    PeopleTexts(MessageSource messages) {
        this.messages = messages;
    }

    String get(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /**
     * A refusal of call control for staff: the known kinds (no such call, no phone caller in it,
     * no main line configured, LiveKit not answering) in plain words, anything else generically.
     * The problem's own detail is English and technical, so it is not shown.
     */
    String problem(ProblemException e) {
        String path = e.type().getPath();
        String slug = path.substring(path.lastIndexOf('/') + 1);
        return messages.getMessage(
                "people.live.problem." + slug,
                null,
                messages.getMessage("people.live.problem.other", null, LocaleContextHolder.getLocale()),
                LocaleContextHolder.getLocale());
    }
}
