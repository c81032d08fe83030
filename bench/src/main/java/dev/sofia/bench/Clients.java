package dev.sofia.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;

/**
 * A fixed set of client threads that start a piece of work together, so the measured wall time
 * covers only the time all of them were competing.
 */
final class Clients implements AutoCloseable {

    private final int count;
    private final ExecutorService pool;

    Clients(int count) {
        this.count = count;
        this.pool = Executors.newFixedThreadPool(
                count, Thread.ofPlatform().name("client-", 0).factory());
    }

    int count() {
        return count;
    }

    /** Runs {@code work.accept(client)} on every client at once; returns the wall time in nanoseconds. */
    long run(IntConsumer work) {
        return runTogether(pool, count, work);
    }

    /**
     * Starts {@code count} tasks on {@code pool}, releases them at the same instant, and returns the
     * wall time until the last one finishes (nanoseconds); a failed task fails the run.
     */
    static long runTogether(ExecutorService pool, int count, IntConsumer work) {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int client = i;
            done.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                work.accept(client);
                return null;
            }));
        }
        try {
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Future<?> f : done) {
                f.get();
            }
            return System.nanoTime() - start;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a client failed", e.getCause());
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
