package dev.sofia.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of the phone benchmark: {@code callsAtOnce} calls starting together, in one or more
 * batches one after another (the lone call is repeated), with the CPU the machine and the app spent
 * while the calls were on.
 */
final class PhoneStep {

    final int callsAtOnce;
    final Samples latency = new Samples();
    final List<String> failures = new ArrayList<>();
    int batches;
    int calls;
    int greeted;
    int sessionsEnded;
    private PhoneCalls.Cpu cpu = PhoneCalls.Cpu.NONE;

    PhoneStep(int callsAtOnce) {
        this.callsAtOnce = callsAtOnce;
    }

    /** Runs one batch and adds what it measured. */
    void run(PhoneCalls phone) throws Exception {
        PhoneCalls.Outcome outcome = phone.run(callsAtOnce);
        cpu = cpu.plus(outcome.cpu());
        batches++;
        calls += outcome.calls();
        greeted += outcome.greeted();
        sessionsEnded += outcome.sessionsEnded();
        outcome.latencyNanos().forEach(latency::add);
        outcome.failures().forEach(f -> failures.add("batch " + batches + ": " + f));
    }

    boolean ok() {
        return failures.isEmpty() && greeted == calls && sessionsEnded == calls;
    }

    /** Busy share of all the machine's cores while SIPp ran the step's calls, in percent. */
    double machineBusyPercent() {
        return cpu.machineTotal() == 0 ? Double.NaN : 100.0 * cpu.machineBusy() / cpu.machineTotal();
    }

    /** The app's JVM while SIPp ran the step's calls, in percent of one core. */
    double appCpuPercentOfCore() {
        return cpu.wallNanos() == 0
                ? Double.NaN
                : 100.0 * cpu.app() / ProcStats.TICKS_PER_SECOND / (cpu.wallNanos() / 1e9);
    }

    /** How long SIPp ran the step's calls, all batches together. */
    Duration callTime() {
        return Duration.ofNanos(cpu.wallNanos());
    }
}
