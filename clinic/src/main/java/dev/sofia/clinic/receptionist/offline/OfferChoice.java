package dev.sofia.clinic.receptionist.offline;

import dev.sofia.clinic.receptionist.offline.Confirmations.YesNo;
import dev.sofia.clinic.receptionist.offline.DialogState.Awaiting;
import dev.sofia.clinic.receptionist.offline.DialogState.Goal;
import dev.sofia.clinic.receptionist.offline.DialogState.Offer;
import dev.sofia.clinic.receptionist.time.When;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The caller's answer to offered slots or to the read-back: which offer ({@link SlotChoice}), a
 * correction of when, or yes and no. A plain yes to several offers does not pick one: Sofia asks
 * once which of the first two, and a second plain yes takes the first. For a move, picking an
 * offer is the go-ahead (the question was "which one shall I move it to?").
 */
final class OfferChoice {

    private OfferChoice() {}

    /** @return whether the answer was understood */
    static boolean choose(DialogState s, String text, @Nullable When when, boolean daySaid, YesNo yesNo) {
        boolean confirming = s.awaiting == Awaiting.BOOK_CONFIRM;
        boolean corrects = when != null && (daySaid || when.time() != null || when.partOfDay() != null);
        Optional<Offer> picked =
                confirming && yesNo != YesNo.NO ? Optional.empty() : SlotChoice.choose(text, when, daySaid, s.offers);
        if (picked.isPresent() && !picked.get().equals(s.chosen)) {
            take(s, picked.get());
            return true;
        }
        if (corrects) {
            s.when = Corrections.merge(s.when, when, daySaid);
            s.clearSearch();
            return true;
        }
        Optional<When> shifted = Corrections.shift(text, s.when, s.chosen != null ? s.chosen : lastOffer(s));
        if (shifted.isPresent()) {
            s.when = shifted.get();
            s.clearSearch();
            return true;
        }
        if (confirming && yesNo == YesNo.YES) {
            s.confirmed = true;
            return true;
        }
        if (yesNo == YesNo.NO) {
            s.clearSearch();
            s.when = null;
            s.changeWanted = true;
            return true;
        }
        if (yesNo == YesNo.YES && !s.offers.isEmpty()) {
            if (s.bareYes++ >= 1) {
                take(s, s.offers.getFirst()); // asked which already: the first of them
            }
            return true;
        }
        return false;
    }

    private static void take(DialogState s, Offer offer) {
        s.chosen = offer;
        s.held = false;
        s.confirmed = s.goal == Goal.RESCHEDULE && s.appointment != null;
    }

    private static @Nullable Offer lastOffer(DialogState s) {
        return s.offers.isEmpty() ? null : s.offers.getLast();
    }
}
