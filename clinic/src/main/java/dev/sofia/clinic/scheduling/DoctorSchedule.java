package dev.sofia.clinic.scheduling;

import dev.sofia.clinic.practice.DoctorId;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** Everything that decides when one doctor is free: shifts, overrides and busy time. */
record DoctorSchedule(DoctorId doctorId, List<WeeklyShift> shifts, List<DateOverride> overrides, Busy busy) {

    DoctorSchedule {
        shifts = List.copyOf(shifts);
        overrides = List.copyOf(overrides);
    }

    /**
     * Local working spans on a date, breaks removed. Overrides win over weekly shifts; a day-off
     * override wins over an extra-hours one.
     */
    List<WeeklyShift.TimeSpan> workingSpans(LocalDate date) {
        List<WeeklyShift.TimeSpan> spans = new ArrayList<>();
        boolean overridden = false;
        for (DateOverride o : overrides) {
            if (o.covers(date)) {
                if (!o.available()) {
                    return List.of();
                }
                overridden = true;
                spans.add(new WeeklyShift.TimeSpan(o.starts(), o.ends()));
            }
        }
        if (overridden) {
            return spans;
        }
        for (WeeklyShift shift : shifts) {
            if (shift.appliesOn(date)) {
                spans.addAll(minusBreaks(shift));
            }
        }
        return spans;
    }

    private static List<WeeklyShift.TimeSpan> minusBreaks(WeeklyShift shift) {
        List<WeeklyShift.TimeSpan> result = new ArrayList<>();
        result.add(new WeeklyShift.TimeSpan(shift.starts(), shift.ends()));
        for (WeeklyShift.TimeSpan pause : shift.breaks()) {
            List<WeeklyShift.TimeSpan> next = new ArrayList<>();
            for (WeeklyShift.TimeSpan span : result) {
                LocalTime s = span.starts();
                LocalTime e = span.ends();
                if (!pause.ends().isAfter(s) || !pause.starts().isBefore(e)) {
                    next.add(span);
                    continue;
                }
                if (pause.starts().isAfter(s)) {
                    next.add(new WeeklyShift.TimeSpan(s, pause.starts()));
                }
                if (pause.ends().isBefore(e)) {
                    next.add(new WeeklyShift.TimeSpan(pause.ends(), e));
                }
            }
            result = next;
        }
        return result;
    }
}
