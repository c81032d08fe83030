package dev.sofia.agents.livekit.worker;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Test helper: the jobs one worker's entrypoint saw, in order, and generous waits (no timing claims).
 */
final class JobRecorder {

    private final List<JobContext> jobs = new ArrayList<>();

    synchronized void record(JobContext context) {
        jobs.add(context);
        notifyAll();
    }

    synchronized List<JobContext> all() {
        return List.copyOf(jobs);
    }

    synchronized int count() {
        return jobs.size();
    }

    /** The first recorded job matching {@code filter}, waiting for it. */
    synchronized JobContext await(Predicate<JobContext> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (JobContext job : jobs) {
                if (filter.test(job)) {
                    return job;
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching job within " + timeout + "; jobs: " + describe());
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    JobContext awaitRoom(String room, Duration timeout) {
        return await(job -> job.roomName().equals(room), timeout);
    }

    private List<String> describe() {
        return jobs.stream().map(j -> j.jobId() + "@" + j.roomName()).toList();
    }

    /** Polls {@code condition} every 20 ms until it holds; fails with {@code what} after the timeout. */
    static void until(Duration timeout, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
