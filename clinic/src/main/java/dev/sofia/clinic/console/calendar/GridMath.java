package dev.sofia.clinic.console.calendar;

import dev.sofia.clinic.practice.Practice;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The arithmetic of the calendar grid: minutes of a local day, rows of the practice's slot
 * interval, and where a cell goes (CSS grid rows; row 1 holds the headings).
 */
final class GridMath {

    static final int DAY_MINUTES = 24 * 60;

    private GridMath() {}

    /** The practice's slot interval in minutes, if it divides a day into a usable grid; else 15. */
    static int interval(Practice practice) {
        long minutes = practice.slotInterval().toMinutes();
        return minutes >= 5 && minutes <= 120 && DAY_MINUTES % minutes == 0 ? (int) minutes : 15;
    }

    /** Rows of a 15-minute grid are 1.6rem high; finer grids get lower rows, coarser ones higher. */
    static String rowHeight(int interval) {
        double rem = Math.max(0.8, Math.min(3.2, 1.6 * interval / 15.0));
        return String.format(Locale.ROOT, "%.2frem", rem);
    }

    /** CSS placement of rows {@code [row, row + span)}. */
    static String place(int row, int span) {
        return "grid-row: " + (row + 2) + " / span " + span;
    }

    static int minutes(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }

    /** An end time in minutes of the day; 00:00 as an end is midnight at the day's end. */
    static int endMinutes(LocalTime time) {
        int m = minutes(time);
        return m == 0 ? DAY_MINUTES : m;
    }

    static LocalTime time(int minutes) {
        return LocalTime.of(minutes / 60, minutes % 60);
    }

    /** {@code [start, end)} in minutes of {@code date}'s local day, clipped to it; null if outside. */
    static int[] localMinutes(Instant start, Instant end, LocalDate date, ZoneId zone) {
        Instant dayStart = date.atStartOfDay(zone).toInstant();
        Instant dayEnd = date.plusDays(1).atStartOfDay(zone).toInstant();
        if (!start.isBefore(dayEnd) || !end.isAfter(dayStart)) {
            return null;
        }
        int s = start.isBefore(dayStart) ? 0 : minutes(start.atZone(zone).toLocalTime());
        int e = !end.isBefore(dayEnd) ? DAY_MINUTES : minutes(end.atZone(zone).toLocalTime());
        if (e <= s) {
            e = Math.min(DAY_MINUTES, s + 1);
        }
        return new int[] {s, e};
    }

    /** The rows {@code [start, end)} touches, as {first row, count}, or null when outside the grid. */
    static int[] rowSpan(int start, int end, int firstMinute, int interval, int rows) {
        int from = Math.max(0, Math.floorDiv(start - firstMinute, interval));
        int until = Math.min(rows, Math.floorDiv(end - firstMinute + interval - 1, interval));
        return until <= from ? null : new int[] {from, until - from};
    }

    static void mark(boolean[] busy, int from, int to) {
        for (int m = Math.max(0, from); m < Math.min(DAY_MINUTES, to); m++) {
            busy[m] = true;
        }
    }

    static boolean any(boolean[] busy, int from, int to) {
        for (int m = Math.max(0, from); m < Math.min(DAY_MINUTES, to); m++) {
            if (busy[m]) {
                return true;
            }
        }
        return false;
    }
}
