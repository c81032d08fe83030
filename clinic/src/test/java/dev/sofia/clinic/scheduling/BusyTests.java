package dev.sofia.clinic.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class BusyTests {

    @Test
    void nothingBusyNeverConflicts() {
        assertThat(Busy.NONE.conflictEnd(at("09:00"), at("10:00"))).isEqualTo(-1);
        assertThat(busy().conflictEnd(at("09:00"), at("10:00"))).isEqualTo(-1);
    }

    @Test
    void overlappingIntervalsAreMergedSoTheConflictEndsWithTheLastOfThem() {
        Busy busy = busy("09:00", "10:00", "09:30", "10:30", "10:15", "10:45");

        assertThat(busy.conflictEnd(at("09:00"), at("09:15"))).isEqualTo(at("10:45"));
        assertThat(busy.conflictEnd(at("10:40"), at("11:00"))).isEqualTo(at("10:45"));
        assertThat(busy.conflictEnd(at("10:45"), at("11:00"))).isEqualTo(-1);
    }

    @Test
    void unsortedInputIsSortedBeforeMerging() {
        Busy busy = busy("14:00", "15:00", "09:00", "10:00", "09:45", "11:00");

        assertThat(busy.conflictEnd(at("10:30"), at("10:45"))).isEqualTo(at("11:00"));
        assertThat(busy.conflictEnd(at("11:00"), at("14:00"))).isEqualTo(-1);
        assertThat(busy.conflictEnd(at("13:00"), at("14:01"))).isEqualTo(at("15:00"));
    }

    @Test
    void anIntervalInsideAnotherDoesNotShortenIt() {
        Busy busy = busy("09:00", "12:00", "10:00", "11:00");

        assertThat(busy.conflictEnd(at("11:30"), at("11:45"))).isEqualTo(at("12:00"));
    }

    @Test
    void backToBackIsAllowedBecauseIntervalsAreHalfOpen() {
        Busy busy = busy("09:00", "09:30");

        assertThat(busy.conflictEnd(at("09:30"), at("10:00"))).isEqualTo(-1);
        assertThat(busy.conflictEnd(at("08:30"), at("09:00"))).isEqualTo(-1);
        assertThat(busy.conflictEnd(at("09:29"), at("10:00"))).isEqualTo(at("09:30"));
        assertThat(busy.conflictEnd(at("08:30"), at("09:00") + 1)).isEqualTo(at("09:30"));
    }

    @Test
    void touchingIntervalsStayFreeAroundButBlockAcrossTheirSeam() {
        Busy busy = busy("09:00", "09:30", "09:30", "10:00");

        assertThat(busy.conflictEnd(at("08:30"), at("09:00"))).isEqualTo(-1);
        assertThat(busy.conflictEnd(at("10:00"), at("10:30"))).isEqualTo(-1);
        assertThat(busy.conflictEnd(at("09:15"), at("09:45"))).isEqualTo(at("10:00"));
    }

    @Test
    void onlyTheGivenCountOfIntervalsIsRead() {
        long[] starts = {at("09:00"), at("12:00")};
        long[] ends = {at("10:00"), at("13:00")};

        Busy busy = Busy.of(starts, ends, 1);

        assertThat(busy.conflictEnd(at("12:00"), at("12:30"))).isEqualTo(-1);
        assertThat(busy.conflictEnd(at("09:00"), at("09:30"))).isEqualTo(at("10:00"));
    }

    @Test
    void aGapBetweenIntervalsIsFree() {
        Busy busy = busy("09:00", "10:00", "11:00", "12:00");

        assertThat(busy.conflictEnd(at("10:00"), at("11:00"))).isEqualTo(-1);
        assertThat(busy.conflictEnd(at("10:00"), at("11:01"))).isEqualTo(at("12:00"));
        assertThat(busy.conflictEnd(at("08:00"), at("13:00"))).isEqualTo(at("10:00"));
    }

    /** Intervals as pairs of "HH:mm" (start, end, start, end, …). */
    private static Busy busy(String... bounds) {
        int count = bounds.length / 2;
        long[] starts = new long[count];
        long[] ends = new long[count];
        for (int i = 0; i < count; i++) {
            starts[i] = at(bounds[2 * i]);
            ends[i] = at(bounds[2 * i + 1]);
        }
        return Busy.of(starts, ends, count);
    }

    private static long at(String time) {
        return 1_800_000_000L + LocalTime.parse(time).toSecondOfDay();
    }
}
