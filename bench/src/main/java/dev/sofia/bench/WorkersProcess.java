package dev.sofia.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One worker under test, a child process of the driver with its whole process tree: the Java worker's
 * JVM ({@link WorkersJavaAgent}), or the Python worker with its forkserver, resource tracker and one
 * process per job or prewarmed for one. Its output goes to a log file; a line containing the
 * registration marker releases {@link #awaitRegistered}.
 */
final class WorkersProcess implements AutoCloseable {

    /** Memory and CPU of a process tree at one instant. */
    record Tree(int processes, long rssBytes, long pssBytes, Map<Long, Long> ticksByPid) {

        /** CPU ticks spent between {@code start} and this: processes that ended are not counted. */
        long ticksSince(Tree start) {
            long ticks = 0;
            for (Map.Entry<Long, Long> e : ticksByPid.entrySet()) {
                ticks += e.getValue() - start.ticksByPid.getOrDefault(e.getKey(), 0L);
            }
            return ticks;
        }
    }

    final String label;
    final String agentName;
    private final Process process;
    private final Path log;
    private final String registeredMarker;
    private final CountDownLatch registered = new CountDownLatch(1);
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private final PrintStream in;

    private WorkersProcess(String label, String agentName, Process process, Path log, String registeredMarker) {
        this.label = label;
        this.agentName = agentName;
        this.process = process;
        this.log = log;
        this.registeredMarker = registeredMarker;
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name(label + "-output").start(this::readOutput);
    }

    static WorkersProcess start(
            String label,
            String agentName,
            List<String> command,
            Map<String, String> environment,
            Path workDir,
            Path log,
            String registeredMarker) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            return new WorkersProcess(label, agentName, builder.start(), log, registeredMarker);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the " + label + " worker: " + command, e);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean awaitRegistered(Duration timeout) throws InterruptedException {
        return registered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The last lines of its output, for an error message. */
    synchronized String tail() {
        return String.join("\n", tail);
    }

    /** Sends a line to its stdin (the Java worker's commands). */
    void send(String line) {
        in.println(line);
    }

    /** The next output line starting with {@code prefix}, or null after the timeout. */
    String awaitLine(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null || line.startsWith(prefix)) {
                return line;
            }
        }
    }

    void clearLines() {
        lines.clear();
    }

    private void readOutput() {
        try (BufferedReader out =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter file = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                file.println(line);
                synchronized (this) {
                    tail.addLast(line);
                    if (tail.size() > 30) {
                        tail.removeFirst();
                    }
                }
                if (line.contains(registeredMarker)) {
                    registered.countDown();
                }
                lines.add(line);
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** The worker and every process below it, from /proc. */
    Tree tree() {
        List<Long> pids = new ArrayList<>();
        pids.add(process.pid());
        process.descendants().forEach(p -> pids.add(p.pid()));
        long rss = 0;
        long pss = 0;
        int processes = 0;
        Map<Long, Long> ticks = new HashMap<>();
        for (long pid : pids) {
            long t = ProcStats.cpuTicks(pid);
            long r = ProcStats.rssBytes(pid);
            if (t < 0 || r < 0) {
                continue; // ended meanwhile
            }
            processes++;
            ticks.put(pid, t);
            rss += r;
            pss += Math.max(0, pssBytes(pid));
        }
        return new Tree(processes, rss, pss, ticks);
    }

    /**
     * Proportional set size ({@code Pss} of {@code /proc/<pid>/smaps_rollup}): each shared page
     * counted as its share among the processes mapping it, so a tree of forked processes sums to its
     * real footprint, where summed RSS counts every copy-on-write page once per process.
     */
    static long pssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.substring(4).trim().split("\\s+")[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Ends the worker: SIGTERM to the worker, then, after {@code grace}, SIGKILL to it and to every
     * process below it that is still there (all of them started by it, so by this run).
     */
    void stop(Duration grace) {
        List<ProcessHandle> below = process.descendants().toList();
        process.destroy();
        try {
            process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ProcessHandle> all = new ArrayList<>(below);
        process.descendants().forEach(all::add);
        all.add(process.toHandle());
        for (ProcessHandle p : all) {
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
