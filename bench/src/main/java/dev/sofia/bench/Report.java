package dev.sofia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** The figures of one run as markdown, each also in {@code SELECT 1} round trips of the same run. */
final class Report {

    static final double GOAL_ROUND_TRIPS = 20;

    private final Results r;
    private final Environment env;
    private final Fixture fixture;
    private final int warmup;
    private final int rounds;
    private final double roundTrip;
    private final List<String> sections = new ArrayList<>();

    Report(Results results, Environment env, Fixture fixture, int warmup, int rounds) {
        this.r = results;
        this.env = env;
        this.fixture = fixture;
        this.warmup = warmup;
        this.rounds = rounds;
        this.roundTrip = results.selectOne.p50();
    }

    /** Appends a markdown section (starting with its own heading) after the figures. */
    void addSection(String markdown) {
        sections.add(markdown);
    }

    String markdown() {
        var md = new StringBuilder();
        md.append("# Scheduling benchmark\n\n");
        md.append(format(
                "Measured %s on %s: %d cores (%s), %s, %s; %s (embedded, on the same machine); "
                        + "Hikari pool of 40.\n\n",
                env.date(), env.commit(), env.cores(), env.cpu(), env.os(), env.jdk(), env.postgres()));
        md.append(format(
                "Data: %d doctors working Monday–Friday 08:00–18:00 with a 12:30–13:30 break, a 15-minute slot grid, "
                        + "one 30-minute type (no buffer, no chair); %,d booked appointments over the next %d days "
                        + "(%.0f %% of the %,d half-hour slots).\n\n",
                fixture.doctors().size(),
                fixture.appointments(),
                Fixture.DAYS,
                100.0 * fixture.appointments() / fixture.capacity(),
                fixture.capacity()));
        md.append(format(
                "Method: `bench/run-scheduling.sh` (`SchedulingBenchmark`), %d warm-up rounds then %d measured rounds. "
                        + "Each round runs every measurement once, between batches of `SELECT 1`, so drift of the "
                        + "machine hits all figures alike. \"Round trips\" divide by the `SELECT 1` p50 of the whole "
                        + "run (%s), a single-client round trip through the same pool.\n\n",
                warmup, rounds, ms(roundTrip)));

        md.append("## Goal\n\n");
        double ratio = r.availabilityAllDoctors.p50() / roundTrip;
        md.append(format(
                "20 doctors × 90 days within %.0f round trips: **%s**. Availability p50 = %s = %.0f round trips "
                        + "(per-round ratio %.0f–%.0f).\n\n",
                GOAL_ROUND_TRIPS,
                ratio <= GOAL_ROUND_TRIPS ? "met" : "missed",
                ms(r.availabilityAllDoctors.p50()),
                ratio,
                Collections.min(r.allDoctorsRatioPerRound),
                Collections.max(r.allDoctorsRatioPerRound)));

        md.append("## Latency\n\n");
        md.append("| What | calls | p50 | p95 | mean | p50 in round trips |\n");
        md.append("|---|---:|---:|---:|---:|---:|\n");
        latencyRow(md, "`SELECT 1`, one client", r.selectOne);
        latencyRow(
                md,
                format("Availability, 1 doctor × 30 days (%.0f slots)", r.averageSlotsOneDoctor()),
                r.availabilityOneDoctor);
        latencyRow(
                md,
                format("Availability, 20 doctors × 90 days (%.0f slots)", r.averageSlotsAllDoctors()),
                r.availabilityAllDoctors);
        latencyRow(md, "Booking, 32 clients on distinct slots", r.bookingDistinct);
        latencyRow(md, "Booking, 32 clients racing for one slot", r.bookingOneSlot);
        latencyRow(md, "`SELECT 1`, 32 clients at once", r.selectOneConcurrent);

        md.append("\n## Throughput, 32 concurrent clients\n\n");
        md.append("| What | operations | per second | wall time per operation | in round trips |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        throughputRow(md, "`SELECT 1`", r.selectOneThroughput);
        throughputRow(md, "Booking on distinct slots", r.bookingDistinctThroughput);
        throughputRow(md, "Booking on one slot (requests)", r.bookingOneSlotThroughput);
        md.append(format(
                "\nOne-slot races: %d; each should end with exactly 1 booking and %d conflicts (409). "
                        + "Races with any other outcome: %d.\n",
                r.races, SchedulingBenchmark.CLIENTS - 1, r.racesWithWrongOutcome));
        sections.forEach(section -> md.append('\n').append(section));
        return md.toString();
    }

    void write(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Files.writeString(file, markdown());
    }

    private void latencyRow(StringBuilder md, String what, Samples s) {
        md.append(format(
                "| %s | %,d | %s | %s | %s | %.1f |\n",
                what, s.count(), ms(s.p50()), ms(s.p95()), ms(s.meanMillis()), s.p50() / roundTrip));
    }

    private void throughputRow(StringBuilder md, String what, Throughput t) {
        md.append(format(
                "| %s | %,d | %,.0f | %s | %.1f |\n",
                what, t.operations(), t.perSecond(), ms(t.millisPerOperation()), t.millisPerOperation() / roundTrip));
    }

    static String ms(double millis) {
        return millis < 1 ? format("%.3f ms", millis) : format("%.2f ms", millis);
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
