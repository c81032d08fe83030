package dev.sofia.bench;

import dev.sofia.livekit.local.sip.RtpListener;
import dev.sofia.livekit.local.sip.Sipp;
import dev.sofia.livekit.local.sip.SippInvites;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One batch of phone calls that all start at once, as PhoneConcurrencyIntegrationTests makes them:
 * SIPp calls the practice N times ({@code -l N -r N}, scenario {@code carrier-call-greeting.xml}:
 * INVITE from the demo patient's number, 12 s of listening, BYE), each call's SDP naming its own
 * {@link RtpListener} as the audio address. Per call: SIPp's logged INVITE → the first voiced RTP
 * packet at that listener. Then it waits until the app has closed a session for each call.
 */
final class PhoneCalls {

    /** How long SIPp may take for a batch, and the app to close its sessions afterwards. */
    static final Duration PATIENCE = Duration.ofMinutes(3);
    /** A call counts as greeted with at least this many voiced 20 ms packets (0.5 s of sound). */
    static final int GREETED_PACKETS = 25;

    /**
     * What one batch did: latencies of the greeted calls (nanoseconds), what went wrong, and the CPU
     * spent while SIPp ran the calls (from its start to its exit).
     */
    record Outcome(
            int calls, List<Long> latencyNanos, int greeted, int sessionsEnded, List<String> failures, Cpu cpu) {}

    /** Machine busy and total ticks ({@code /proc/stat}), the app JVM's ticks, and the wall time. */
    record Cpu(long machineBusy, long machineTotal, long app, long wallNanos) {

        static final Cpu NONE = new Cpu(0, 0, 0, 0);

        private static final long PID = ProcessHandle.current().pid();

        static Cpu now() {
            long[] machine = ProcStats.machineTicks();
            return new Cpu(machine[0], machine[1], ProcStats.cpuTicks(PID), System.nanoTime());
        }

        Cpu since(Cpu start) {
            return new Cpu(
                    machineBusy - start.machineBusy,
                    machineTotal - start.machineTotal,
                    app - start.app,
                    wallNanos - start.wallNanos);
        }

        Cpu plus(Cpu other) {
            return new Cpu(
                    machineBusy + other.machineBusy,
                    machineTotal + other.machineTotal,
                    app + other.app,
                    wallNanos + other.wallNanos);
        }
    }

    private final PhoneParts parts;
    private final PhoneApi api;
    private final Path workDir;
    private int batches;

    PhoneCalls(PhoneParts parts, PhoneApi api, Path workDir) {
        this.parts = parts;
        this.api = api;
        this.workDir = workDir;
    }

    Outcome run(int calls) throws IOException, InterruptedException {
        Path dir = Files.createDirectory(workDir.resolve("batch-" + ++batches + "-" + calls + "-calls"));
        Set<String> before =
                api.phoneSessions().stream().map(PhoneApi.Session::id).collect(Collectors.toSet());
        List<String> failures = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        int greeted = 0;
        Cpu cpu = Cpu.NONE;
        List<RtpListener> ears = new ArrayList<>();
        try {
            for (int i = 0; i < calls; i++) {
                ears.add(RtpListener.start());
            }
            Files.writeString(
                    dir.resolve("calls.csv"),
                    "SEQUENTIAL\n" + ears.stream().map(e -> e.port() + ";").collect(Collectors.joining("\n")) + "\n");
            Cpu start = Cpu.now();
            try (Sipp carrier = Sipp.start(
                    "carrier-call-greeting.xml",
                    parts.sipAddress(),
                    dir,
                    Map.of("caller", PhoneApi.MUSTERMANN, "called", PhoneApi.NUMBER),
                    calls,
                    calls)) {
                int exit = carrier.await(PATIENCE);
                cpu = Cpu.now().since(start);
                if (exit != 0) {
                    failures.add(exit == -1 ? "SIPp did not finish within " + PATIENCE : "SIPp exited with " + exit);
                    System.out.println(carrier.diagnosis());
                    System.out.println("livekit-sip's warnings and errors:\n" + parts.sipProblems(30));
                }
                Map<Integer, Instant> invited = SippInvites.byAudioPort(carrier.messages());
                for (RtpListener ear : ears) {
                    Instant sent = invited.get(ear.port());
                    Instant heard = ear.firstVoiced();
                    if (ear.voicedPackets() < GREETED_PACKETS || sent == null || heard == null) {
                        failures.add(String.format(
                                "call to port %d not greeted: %d voiced packets of %d, INVITE %s",
                                ear.port(),
                                ear.voicedPackets(),
                                ear.packets(),
                                sent == null ? "not in SIPp's log" : "sent"));
                        continue;
                    }
                    greeted++;
                    latencies.add(Duration.between(sent, heard).toNanos());
                }
            }
        } finally {
            ears.forEach(RtpListener::close);
        }
        int ended = awaitSessionsEnded(calls, before, failures);
        return new Outcome(calls, latencies, greeted, ended, failures, cpu);
    }

    /** Waits until the app holds {@code calls} new phone sessions, all ended; returns how many ended. */
    private int awaitSessionsEnded(int calls, Set<String> before, List<String> failures) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            List<PhoneApi.Session> fresh = api.phoneSessions().stream()
                    .filter(s -> !before.contains(s.id()))
                    .toList();
            int ended =
                    (int) fresh.stream().filter(s -> "ended".equals(s.status())).count();
            if (fresh.size() == calls && ended == calls) {
                return ended;
            }
            if (Instant.now().isAfter(deadline)) {
                failures.add(String.format(
                        "after %s: %d new phone sessions for %d calls, %d ended",
                        PATIENCE, fresh.size(), calls, ended));
                return ended;
            }
            Thread.sleep(500);
        }
    }
}
