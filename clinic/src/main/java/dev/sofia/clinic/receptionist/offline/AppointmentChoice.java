package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.receptionist.offline.DialogState.Listed;
import dev.sofia.clinic.receptionist.offline.DialogState.Offer;
import dev.sofia.clinic.receptionist.time.When;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which of the caller's appointments they mean: the only one; the one on the day or of the
 * treatment they named before the list was read ("meinen Termin am Mittwoch verschieben", "meine
 * Füllung morgen"); or, asked which, the one their answer picks ("den am Donnerstag", "the second").
 */
final class AppointmentChoice {

    private AppointmentChoice() {}

    /** The appointment the caller's first words named, or the only one; null when it is open. */
    static @Nullable Listed named(DialogState s, Treatments treatments) {
        List<Listed> all = s.appointments;
        if (all == null || all.isEmpty()) {
            return null;
        }
        if (all.size() == 1) {
            return all.getFirst();
        }
        List<Listed> candidates = all;
        if (s.appointmentTreatment != null) {
            String code = s.appointmentTreatment;
            List<Listed> same = candidates.stream()
                    .filter(a ->
                            treatments.byName(a.treatment()).map(code::equals).orElse(false))
                    .toList();
            candidates = same.isEmpty() ? candidates : same;
        }
        if (s.appointmentDay != null) {
            When day = s.appointmentDay;
            List<Listed> onDay = candidates.stream()
                    .filter(a -> !a.date().isBefore(day.from()) && !a.date().isAfter(day.to()))
                    .toList();
            candidates = onDay.isEmpty() ? candidates : onDay;
        }
        return candidates.size() == 1 ? candidates.getFirst() : null;
    }

    /** The appointment the caller's answer to "which one?" picks. */
    static Optional<Listed> answer(List<Listed> all, String text, @Nullable When when, boolean daySaid) {
        List<Offer> asOffers = all.stream().map(Planner::asOffer).toList();
        return SlotChoice.choose(text, when, daySaid, asOffers)
                .flatMap(picked -> all.stream()
                        .filter(a -> a.appointmentId().equals(picked.slotId()))
                        .findFirst());
    }
}
