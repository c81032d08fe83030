package dev.sofia.clinic.calls;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a call ended for the practice. A call can do several things (the caller asks about opening
 * hours, then books), but staff see one word per call, so the outcome only moves up: a later outcome
 * replaces the recorded one only if it is stronger. From strongest to weakest:
 *
 * <ol>
 *   <li>{@link #BOOKED}, {@link #RESCHEDULED}, {@link #CANCELLED}: the calendar changed, which staff
 *       must know about first (in this order: a call that cancelled and then booked is a booking);
 *   <li>{@link #TRANSFERRED}: a person took the call over (recorded once the transfer worked; a
 *       failed transfer usually ends in a message);
 *   <li>{@link #MESSAGE}: staff have something to do (it is also in the message list);
 *   <li>{@link #INFO}: the caller only asked something;
 *   <li>{@link #ABANDONED}: nothing came of it; given to every call that closes without an outcome.
 * </ol>
 */
public enum CallOutcome {
    BOOKED(7),
    RESCHEDULED(6),
    CANCELLED(5),
    MESSAGE(3),
    TRANSFERRED(4),
    INFO(2),
    ABANDONED(1);

    private final int strength;

    CallOutcome(int strength) {
        this.strength = strength;
    }

    /** Whether this outcome replaces {@code recorded} (null: nothing recorded yet). */
    public boolean outranks(@Nullable CallOutcome recorded) {
        return recorded == null || strength > recorded.strength;
    }

    /** The value in the database and the API: the name in lower case. */
    public String dbValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    static CallOutcome fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
