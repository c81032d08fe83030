package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.patients.Patient;
import dev.sofia.clinic.patients.PatientId;
import dev.sofia.clinic.patients.Patients;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The patients the booking form offers: the one already chosen (if any) and those matching the
 * search text, by name, phone number or date of birth.
 */
@Component
class PatientChoices {

    /** Shown at most; more matches ask for a narrower search. */
    static final int LIMIT = 10;

    private final Patients patients;

    PatientChoices(Patients patients) {
        this.patients = patients;
    }

    /** One patient to pick: {@code details} is date of birth and phone. */
    public record Option(UUID id, String name, String details, boolean checked) {}

    /**
     * What the form shows: the options, whether a search ran ({@code query} not blank), and
     * whether there were more matches than shown.
     */
    public record Result(String query, List<Option> options, boolean searched, boolean more, int matches) {}

    Result find(String query, String chosenId, Texts texts) {
        List<Option> options = new ArrayList<>();
        Optional<Patient> chosen = chosen(chosenId);
        chosen.ifPresent(p -> options.add(option(p, true, texts)));
        boolean searched = !Params.blank(query);
        boolean more = false;
        int matches = 0;
        if (searched) {
            List<Patient> found = patients.search(query, LIMIT + 1);
            more = found.size() > LIMIT;
            matches = Math.min(found.size(), LIMIT);
            found.stream()
                    .limit(LIMIT)
                    .filter(p -> chosen.map(c -> !c.id().equals(p.id())).orElse(true))
                    .forEach(p -> options.add(option(p, false, texts)));
        }
        return new Result(query == null ? "" : query.strip(), options, searched, more, matches);
    }

    Optional<Patient> chosen(String id) {
        return Params.uuid(id).flatMap(value -> patients.find(new PatientId(value)));
    }

    private static Option option(Patient p, boolean checked, Texts texts) {
        String details = texts.numericDate(p.dateOfBirth()) + (p.phone() == null ? "" : " · " + p.phone());
        return new Option(p.id().value(), p.firstName() + " " + p.lastName(), details, checked);
    }
}
