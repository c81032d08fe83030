package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.receptionist.offline.DialogState.Offer;
import dev.sofia.clinic.receptionist.time.When;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which of the offered slots the caller took: by order ("den ersten", "the second one"), by time
 * ("um zehn", "the one at 10:30"), by doctor ("bei Frau Dr. Weber") or by day ("den am Mittwoch"),
 * or the only one with a plain yes. Empty when the words do not single out one offer — then the
 * caller either asks for something else (a new search) or is asked again.
 */
final class SlotChoice {

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(
            Map.entry(" erste", 0),
            Map.entry(" ersten ", 0),
            Map.entry(" first ", 0),
            Map.entry(" 1st ", 0),
            Map.entry(" zweite", 1),
            Map.entry(" second ", 1),
            Map.entry(" 2nd ", 1),
            Map.entry(" dritte", 2),
            Map.entry(" third ", 2),
            Map.entry(" 3rd ", 2),
            Map.entry(" letzte", -1),
            Map.entry(" last ", -1));

    private SlotChoice() {}

    /**
     * @param when what the appointment parser read in the text, if anything
     * @param daySaid whether the text names a day (else {@code when}'s day is the parser's default)
     */
    static Optional<Offer> choose(String text, @Nullable When when, boolean daySaid, List<Offer> offers) {
        if (offers.isEmpty()) {
            return Optional.empty();
        }
        String n = Words.normalize(text);
        for (var ordinal : ORDINALS.entrySet()) {
            if (n.contains(ordinal.getKey())) {
                int index = ordinal.getValue() < 0 ? offers.size() - 1 : ordinal.getValue();
                return index < offers.size() ? Optional.of(offers.get(index)) : Optional.empty();
            }
        }
        List<Offer> candidates = offers;
        if (when != null && daySaid) {
            candidates = candidates.stream()
                    .filter(o -> !o.date().isBefore(when.from()) && !o.date().isAfter(when.to()))
                    .toList();
        }
        if (when != null && when.time() != null) {
            var time = when.time();
            candidates = candidates.stream()
                    .filter(o -> o.time().equals(time) || o.time().equals(time.plusHours(12)))
                    .toList();
        }
        List<Offer> byDoctor =
                candidates.stream().filter(o -> mentionsDoctor(n, o.doctor())).toList();
        if (!byDoctor.isEmpty()) {
            candidates = byDoctor;
        }
        boolean narrowed = candidates.size() < offers.size()
                || (when != null && (when.time() != null || daySaid))
                || !byDoctor.isEmpty();
        if (!candidates.isEmpty() && when != null && when.time() != null) {
            return Optional.of(candidates.getFirst()); // "um halb zehn" with two doctors free: the first said
        }
        if (candidates.size() == 1 && narrowed) {
            return Optional.of(candidates.getFirst());
        }
        if (!byDoctor.isEmpty() && candidates.size() > 1) {
            return Optional.of(candidates.getFirst()); // "bei Dr. Weber": her earliest
        }
        if (offers.size() == 1 && Confirmations.of(text) == Confirmations.YesNo.YES) {
            return Optional.of(offers.getFirst());
        }
        return Optional.empty();
    }

    /** "bei Frau Dr. Weber" for "Dr. Anna Weber" (see {@link DoctorWish}). */
    static boolean mentionsDoctor(String normalized, String doctor) {
        return DoctorWish.mentions(normalized, doctor);
    }
}
