package dev.sofia.clinic.calls;

import dev.sofia.clinic.practice.PracticeCatalog;

/** The country national phone numbers are read in: the practice's, or Germany if it names none. */
final class PracticeRegion {

    static final String DEFAULT_REGION = "DE";

    private PracticeRegion() {}

    static String of(PracticeCatalog catalog) {
        return catalog.findPractice()
                .map(p -> p.address() == null ? null : p.address().country())
                .filter(country -> country != null && country.matches("[A-Z]{2}"))
                .orElse(DEFAULT_REGION);
    }
}
