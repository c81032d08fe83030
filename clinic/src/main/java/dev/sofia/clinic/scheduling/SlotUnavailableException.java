package dev.sofia.clinic.scheduling;

/** Internal signal that a start cannot be taken; turned into 409 with alternatives by the caller. */
final class SlotUnavailableException extends RuntimeException {

    private final SlotFinder.Refusal refusal;

    SlotUnavailableException(SlotFinder.Refusal refusal) {
        super(refusal.name(), null, false, false);
        this.refusal = refusal;
    }

    SlotFinder.Refusal refusal() {
        return refusal;
    }
}
