package dev.sofia.clinic.console.people;

import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * A console address that names nothing (an unknown or malformed id). The console's error advice
 * (console/ConsoleErrors) answers it, as any NoSuchElementException, with the 404 page, where the API
 * would answer problem+json.
 */
class PageNotFound extends NoSuchElementException {

    PageNotFound() {
        super("not found");
    }

    /** The id in a path, or a 404 if it is not a UUID: to a person a malformed address is just a wrong one. */
    static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PageNotFound();
        }
    }

    static <T> T orNotFound(Optional<T> value) {
        return value.orElseThrow(PageNotFound::new);
    }
}
