package dev.sofia.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sessions per core: one worker holds N conversations at once (each with its caller, turns spread
 * evenly over the period), N rising in steps. A step holds if every conversation could be set up and
 * the p95 of the agent-added latency less the transport's round trip (unanswered turns counted as
 * infinitely late) stays within the limit over the worker's own p95 with few conversations ({@code
 * holds}, which decides whether the worker goes on), and in absolute terms if it stays within the
 * limit itself ({@code holdsAbsolute}). The
 * workers take turns step by step (Java N, Python N, Java next N, …), each stopping at its first
 * failed step, so both meet the same machine at the same time of the run.
 */
final class VoiceScaling {

    /** One step of one worker. */
    record Step(
            String framework,
            int sessions,
            int failedJoins,
            VoiceTurns.Outcome outcome,
            double addedP50,
            double addedP95,
            double windowSeconds,
            double agentCpuPercent,
            long agentPssBytes,
            long agentRssBytes,
            int agentProcesses,
            double machineBusyPercent,
            boolean holdsAbsolute,
            boolean holds) {}

    /** What runs a step for one worker (sets up the rooms, talks, measures). */
    interface Worker {
        String label();

        Step step(int sessions) throws InterruptedException;
    }

    private VoiceScaling() {}

    /** Runs the steps for both workers in turn; each list ends with the worker's first failed step. */
    static List<List<Step>> run(List<Worker> workers, List<Integer> steps) throws InterruptedException {
        List<List<Step>> results = new ArrayList<>();
        List<Boolean> going = new ArrayList<>();
        for (int i = 0; i < workers.size(); i++) {
            results.add(new ArrayList<>());
            going.add(true);
        }
        for (int n : steps) {
            for (int i = 0; i < workers.size(); i++) {
                if (!going.get(i)) {
                    continue;
                }
                Step step = workers.get(i).step(n);
                results.get(i).add(step);
                System.out.printf(
                        "scaling %s N=%d: p95 added less transport %s, missed %d, failed joins %d, agent CPU %.0f %% of a core, PSS %.0f MB%s%n",
                        step.framework(),
                        n,
                        Report.ms(step.addedP95()),
                        step.outcome().missed().get(),
                        step.failedJoins(),
                        step.agentCpuPercent(),
                        step.agentPssBytes() / 1048576.0,
                        step.holds() ? "" : " -> does not hold");
                if (!step.holds()) {
                    going.set(i, false);
                }
                Thread.sleep(Duration.ofSeconds(3)); // let the jobs of the step end
            }
            if (!going.contains(true)) {
                break;
            }
        }
        return results;
    }

    /** The largest N whose step held, and held at every smaller step too; 0 if none. */
    static int maxHeld(List<Step> steps, boolean absolute) {
        int max = 0;
        for (Step s : steps) {
            if (!(absolute ? s.holdsAbsolute() : s.holds())) {
                break;
            }
            max = s.sessions();
        }
        return max;
    }
}
