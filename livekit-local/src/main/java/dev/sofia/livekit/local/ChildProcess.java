package dev.sofia.livekit.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A LiveKit child process (livekit-server, livekit-sip) and its private working directory: the
 * config file goes there, never onto the command line, because {@code ps} shows command lines and
 * the file holds API secrets; the process's output goes to {@code <name>.log} next to it, so a
 * failed start can quote it. Closing stops the process (SIGTERM, then SIGKILL after a grace
 * period) and deletes the directory.
 */
final class ChildProcess implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    /** Lines of output quoted in a start-up failure. */
    private static final int TAIL_LINES = 40;
    /** Tries of {@link #withPortRetries}. */
    private static final int PORT_ATTEMPTS = 3;

    private final String name;
    private final Path workDir;
    private final Process process;

    private ChildProcess(String name, Path workDir, Process process) {
        this.name = name;
        this.workDir = workDir;
        this.process = process;
    }

    /**
     * Writes {@code configBody} to {@code configFileName} in a new private directory and starts the
     * command {@code command} makes from that file's path, its output going to {@code <name>.log}.
     */
    static ChildProcess start(
            String name, String configFileName, String configBody, Function<Path, ProcessBuilder> command) {
        Path workDir;
        try {
            workDir = Files.createTempDirectory(
                    "sofia-" + name + "-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path configFile = workDir.resolve(configFileName);
            Files.writeString(configFile, configBody, StandardCharsets.UTF_8);
            Process process = command.apply(configFile)
                    .redirectErrorStream(true)
                    .redirectOutput(workDir.resolve(name + ".log").toFile())
                    .start();
            return new ChildProcess(name, workDir, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name, e);
        }
    }

    /**
     * Starts with {@code config}, and again on freshly chosen ports (up to {@value #PORT_ATTEMPTS}
     * times in all) when a port that was free when chosen was taken before the process bound it.
     */
    static <C, P> P withPortRetries(String name, C config, Function<C, P> start, UnaryOperator<C> freshPorts) {
        C attempt = config;
        for (int i = 1; ; i++) {
            try {
                return start.apply(attempt);
            } catch (IllegalStateException e) {
                if (i == PORT_ATTEMPTS || !String.valueOf(e.getMessage()).contains("address already in use")) {
                    throw e;
                }
                log.warn("{} could not bind a port that was free a moment ago; retrying on other ports", name);
                attempt = freshPorts.apply(attempt);
            }
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The output so far (for diagnosing a failed test). */
    String output() {
        try {
            return Files.readString(workDir.resolve(name + ".log"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /**
     * While starting: if the process has exited, stops here with its exit code and the end of its
     * output (so "address already in use" reaches {@link #withPortRetries}).
     */
    void failIfExited() {
        if (!process.isAlive()) {
            throw startFailure("exited with code " + process.exitValue() + " during start-up");
        }
    }

    /** Closes this and returns the failure to throw: {@code what} and the end of the output. */
    IllegalStateException startFailure(String what) {
        String output = tail(output());
        close();
        return new IllegalStateException(name + " " + what + ":\n" + output);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (!Files.exists(workDir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(workDir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.debug("could not delete {}: {}", workDir, e.toString());
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }
}
