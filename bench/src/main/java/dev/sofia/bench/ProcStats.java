package dev.sofia.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time, resident memory and threads of processes from Linux {@code /proc}. CPU times are in
 * clock ticks ({@code USER_HZ}, 100 per second on Linux), as the kernel counts them.
 */
final class ProcStats {

    static final int TICKS_PER_SECOND = 100;

    private ProcStats() {}

    /** user + system CPU ticks of a process (all its threads, live and ended), or -1 if it is gone. */
    static long cpuTicks(long pid) {
        String stat = read(Path.of("/proc", Long.toString(pid), "stat"));
        return stat == null ? -1 : utimePlusStime(stat);
    }

    /** {@code VmRSS} of a process in bytes, or -1 if it is gone. */
    static long rssBytes(long pid) {
        return statusKilobytes(pid, "VmRSS:") * 1024;
    }

    /** {@code Threads} of a process, or -1 if it is gone. */
    static long threads(long pid) {
        return statusKilobytes(pid, "Threads:");
    }

    /** Busy and total ticks of the whole machine (all cores), from the {@code cpu} line of /proc/stat. */
    static long[] machineTicks() {
        String stat = read(Path.of("/proc/stat"));
        if (stat == null) {
            return new long[] {0, 0};
        }
        String[] f = stat.lines().findFirst().orElse("cpu").trim().split("\\s+");
        long total = 0;
        // user nice system idle iowait irq softirq steal (guest time is already in user)
        for (int i = 1; i < Math.min(f.length, 9); i++) {
            total += Long.parseLong(f[i]);
        }
        long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
        return new long[] {total - idle, total};
    }

    /**
     * CPU ticks of a process's live threads, summed by thread name with digit runs replaced by
     * {@code #} (so the 100 pacer threads are one group), with the number of threads in each group.
     */
    static Map<String, long[]> threadGroups(long pid) {
        Map<String, long[]> groups = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                String stat = read(task.resolve("stat"));
                if (stat == null) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                        .replaceAll("[0-9]+", "#");
                long[] group = groups.computeIfAbsent(name, n -> new long[2]);
                group[0] += utimePlusStime(stat);
                group[1]++;
            }
        } catch (IOException e) {
            return Map.of();
        }
        return groups;
    }

    /** Per group: ticks spent between two {@link #threadGroups} snapshots, and threads at the end. */
    static Map<String, long[]> threadGroupDelta(Map<String, long[]> start, Map<String, long[]> end) {
        Map<String, long[]> delta = new TreeMap<>();
        end.forEach((name, e) -> {
            long[] s = start.getOrDefault(name, new long[2]);
            delta.put(name, new long[] {e[0] - s[0], e[1]});
        });
        return delta;
    }

    private static long utimePlusStime(String stat) {
        // Fields after the command name, which may itself contain spaces and parentheses.
        List<String> fields =
                List.of(stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+"));
        // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the name.
        return Long.parseLong(fields.get(11)) + Long.parseLong(fields.get(12));
    }

    private static long statusKilobytes(long pid, String key) {
        String status = read(Path.of("/proc", Long.toString(pid), "status"));
        if (status == null) {
            return -1;
        }
        return status.lines()
                .filter(l -> l.startsWith(key))
                .map(l -> l.substring(key.length()).trim().split("\\s+")[0])
                .mapToLong(Long::parseLong)
                .findFirst()
                .orElse(-1);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return null;
        }
    }
}
