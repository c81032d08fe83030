package dev.sofia.livekit.local.sip;

import dev.sofia.livekit.local.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * SIPp (Debian's sip-tester) as the carrier: runs one of the scenarios in this module's resources
 * under {@code sipp/} ({@code livekit-local/src/main/resources/sipp/}) against livekit-sip, on
 * loopback, in a directory of its own (scenario, audio files, message and error logs). Its exit
 * code says whether every call went through the scenario (0) or not (1: a message did not arrive or
 * did not match). Used by the clinic's phone tests and the phone benchmark.
 */
public final class Sipp implements AutoCloseable {

    private static final String BINARY = "/usr/bin/sipp";
    /** Where the scenarios are on the class path (livekit-local's {@code src/main/resources/sipp/}). */
    private static final String SCENARIOS = "/sipp/";

    private final Process process;
    private final Path dir;

    private Sipp(Process process, Path dir) {
        this.process = process;
        this.dir = dir;
    }

    /**
     * Starts SIPp with scenario {@code scenario} (a file name under {@link #SCENARIOS}), calling
     * {@code target} ({@code host:port}) {@code calls} times, at most {@code concurrent} at once.
     *
     * @param dir a private directory: the scenario is copied there, audio it plays must be there,
     *     and a {@code calls.csv} there is passed as the per-call injection file ({@code -inf})
     * @param variables {@code -set} values the scenario declares as globals
     */
    public static Sipp start(
            String scenario, String target, Path dir, Map<String, String> variables, int calls, int concurrent) {
        return start(scenario, target, "127.0.0.1", dir, variables, calls, concurrent);
    }

    /**
     * Like {@link #start(String, String, Path, Map, int, int)}, SIPp bound to {@code localIp} (any
     * address of 127.0.0.0/8 works on Linux: a carrier whose address is not the allowed one).
     */
    public static Sipp start(
            String scenario,
            String target,
            String localIp,
            Path dir,
            Map<String, String> variables,
            int calls,
            int concurrent) {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException(
                    "sipp not found at " + BINARY
                            + "; run scripts/test.sh (or source scripts/setup.sh and call ensure_test_peers) to install it (apt sip-tester)");
        }
        try {
            Path file = dir.resolve(scenario);
            // from this module's jar or classes, whichever module calls
            try (InputStream in = Sipp.class.getResourceAsStream(SCENARIOS + scenario)) {
                if (in == null) {
                    throw new IllegalArgumentException("no scenario " + SCENARIOS + scenario + " in livekit-local");
                }
                Files.copy(in, file);
            }
            List<String> command = new ArrayList<>(List.of(
                    BINARY,
                    target,
                    "-sf",
                    file.toString(),
                    "-i",
                    localIp,
                    "-mi",
                    localIp,
                    "-p",
                    Integer.toString(FreePorts.udp()),
                    "-mp",
                    Integer.toString(FreePorts.udpRange(4 * concurrent)[0]),
                    "-m",
                    Integer.toString(calls),
                    "-l",
                    Integer.toString(concurrent),
                    "-r",
                    Integer.toString(concurrent),
                    "-nostdin",
                    "-timeout",
                    "240s",
                    "-timeout_error",
                    "-trace_msg",
                    "-message_file",
                    dir.resolve("messages.log").toString(),
                    "-trace_err",
                    "-error_file",
                    dir.resolve("errors.log").toString(),
                    "-trace_logs",
                    "-log_file",
                    dir.resolve("actions.log").toString()));
            Path injection = dir.resolve("calls.csv");
            if (Files.exists(injection)) {
                // one line per call (SEQUENTIAL), read as [field0] … in the scenario
                command.addAll(List.of("-inf", injection.toString()));
            }
            for (Map.Entry<String, String> variable : new LinkedHashMap<>(variables).entrySet()) {
                command.addAll(List.of("-set", variable.getKey(), variable.getValue()));
            }
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("sipp.out").toFile())
                    .start();
            return new Sipp(process, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start sipp", e);
        }
    }

    /** Waits for SIPp to finish; its exit code, or -1 if it did not within {@code patience}. */
    public int await(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Every SIP message SIPp sent and received so far. */
    public String messages() {
        return read("messages.log");
    }

    /** What SIPp's {@code <log>} actions wrote. */
    public String actions() {
        return read("actions.log");
    }

    /** Errors, messages and screen output: for a failed test's or benchmark step's message. */
    public String diagnosis() {
        String messages = messages();
        return "sipp errors:\n" + read("errors.log") + "\nsipp screen:\n" + tail(read("sipp.out"), 60)
                + "\nsipp messages:\n" + tail(messages, 200);
    }

    private String read(String name) {
        try {
            Path file = dir.resolve(name);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static String tail(String text, int lines) {
        List<String> all = text.lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
