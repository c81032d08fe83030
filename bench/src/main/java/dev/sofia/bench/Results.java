package dev.sofia.bench;

import java.util.ArrayList;
import java.util.List;

/** Everything the measured rounds collected. */
final class Results {

    final Samples selectOne = new Samples();
    final Samples selectOneConcurrent = new Samples();
    final Throughput selectOneThroughput = new Throughput();
    final Samples availabilityOneDoctor = new Samples();
    final Samples availabilityAllDoctors = new Samples();
    final Samples bookingDistinct = new Samples();
    final Throughput bookingDistinctThroughput = new Throughput();
    final Samples bookingOneSlot = new Samples();
    final Throughput bookingOneSlotThroughput = new Throughput();

    /** Per round: the 20 × 90 availability p50 divided by that round's SELECT 1 p50. */
    final List<Double> allDoctorsRatioPerRound = new ArrayList<>();

    long slotsOneDoctor;
    long callsOneDoctor;
    long slotsAllDoctors;
    long callsAllDoctors;
    int races;
    /** Races that did not end with exactly one booking and all other clients refused with a conflict. */
    int racesWithWrongOutcome;

    double averageSlotsOneDoctor() {
        return (double) slotsOneDoctor / callsOneDoctor;
    }

    double averageSlotsAllDoctors() {
        return (double) slotsAllDoctors / callsAllDoctors;
    }
}
