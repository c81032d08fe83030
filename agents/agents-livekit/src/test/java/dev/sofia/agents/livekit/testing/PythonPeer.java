package dev.sofia.agents.livekit.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An independent LiveKit participant for tests: the official LiveKit Python SDK running {@code
 * peers/peer.py} (test resources) as a child process. Commands go to its stdin as JSON lines; every
 * observation comes back as a JSON line and is kept in order, so {@link #awaitEvent} finds events
 * that arrived before it was called. See docs/agents-livekit.md, "Test peers", for the protocol.
 *
 * <p>{@link #close()} asks the peer to leave and kills it if it does not.
 */
public final class PythonPeer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PythonPeer.class);
    private static final String SCRIPT_RESOURCE = "/peers/peer.py";
    private static final int STDERR_LINES_KEPT = 300;
    private static final JsonMapper JSON = JsonMapper.shared();

    private final String name;
    private final Process process;
    private final Writer stdin;
    private final List<JsonNode> events = new ArrayList<>();
    private final Deque<String> stderr = new ArrayDeque<>();
    private final Object lock = new Object();
    private boolean stdoutClosed;

    private PythonPeer(String name, Process process) {
        this.name = name;
        this.process = process;
        this.stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread.ofPlatform().daemon().name("peer-" + name + "-stdout").start(this::readStdout);
        Thread.ofPlatform().daemon().name("peer-" + name + "-stderr").start(this::readStderr);
    }

    /**
     * Starts a peer that joins {@code url} with {@code token}. {@code args} are peer.py options, e.g.
     * {@code "--detect", "440,660"} or {@code "--attributes", "role=caller"}.
     *
     * @param name a label for messages and thread names (the identity comes from the token)
     */
    public static PythonPeer start(String name, String url, String token, String... args) {
        List<String> command = new ArrayList<>();
        command.add(python().toString());
        command.add("-u");
        command.add(script().toString());
        command.add("--url");
        command.add(url);
        command.add("--token");
        command.add(token);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PYTHONUNBUFFERED", "1");
        builder.environment().put("PYTHONIOENCODING", "utf-8");
        try {
            return new PythonPeer(name, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Python peer " + name, e);
        }
    }

    /**
     * The venv Python with the LiveKit SDK: {@code $SOFIA_VENV/bin/python}, else {@code
     * ~/.cache/sofia/venv/bin/python} (where scripts/setup.sh installs it).
     */
    public static Path python() {
        String venv = System.getenv("SOFIA_VENV");
        Path python = venv != null && !venv.isBlank()
                ? Path.of(venv, "bin", "python")
                : Path.of(System.getProperty("user.home"), ".cache", "sofia", "venv", "bin", "python");
        if (!Files.isExecutable(python)) {
            throw new IllegalStateException("no Python with the LiveKit SDK at " + python + " (SOFIA_VENV=" + venv
                    + "); run scripts/test.sh to install the LiveKit Python SDK");
        }
        return python;
    }

    /** peer.py as a file (copied out of the class path when it is not one already). */
    public static Path script() {
        URL url = Objects.requireNonNull(
                PythonPeer.class.getResource(SCRIPT_RESOURCE), "test resource " + SCRIPT_RESOURCE + " missing");
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path copy = Files.createTempFile("sofia-peer-", ".py");
            copy.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + url, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public String name() {
        return name;
    }

    /** Sends one command, e.g. {@code send(Map.of("cmd", "publish_tone", "frequency", 440))}. */
    public void send(Map<String, ?> command) {
        String line = JSON.writeValueAsString(command);
        try {
            synchronized (stdin) {
                stdin.write(line);
                stdin.write('\n');
                stdin.flush();
            }
        } catch (IOException e) {
            throw new AssertionError("could not send " + line + " to peer " + name + diagnostics(), e);
        }
    }

    /** Sends a command given as name and alternating keys and values. */
    public void send(String cmd, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must alternate");
        }
        Map<String, Object> command = new LinkedHashMap<>();
        command.put("cmd", cmd);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            command.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        send(command);
    }

    /** The first event named {@code event} (received at any time so far or within the timeout). */
    public JsonNode awaitEvent(String event, Duration timeout) {
        return awaitEvent(event, e -> true, timeout);
    }

    /** The first event named {@code event} that also matches {@code filter}. */
    public JsonNode awaitEvent(String event, Predicate<JsonNode> filter, Duration timeout) {
        return awaitEvent(0, event, filter, timeout);
    }

    /**
     * The first event named {@code event} matching {@code filter} at index {@code from} or later
     * (see {@link #mark()}), i.e. one that arrived after the mark was taken.
     */
    public JsonNode awaitEvent(int from, String event, Predicate<JsonNode> filter, Duration timeout) {
        return awaitMatching(from, "event " + event, e -> event.equals(text(e, "event")) && filter.test(e), timeout);
    }

    /** The first event that matches {@code predicate}. */
    public JsonNode awaitEvent(Predicate<JsonNode> predicate, Duration timeout) {
        return awaitMatching(0, "event", predicate, timeout);
    }

    /**
     * The first event at index {@code from} or later that matches; fails with the peer's recent
     * events and stderr when none comes within the timeout or the peer exits first.
     */
    private JsonNode awaitMatching(int from, String description, Predicate<JsonNode> predicate, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            int index = from;
            while (true) {
                for (; index < events.size(); index++) {
                    JsonNode event = events.get(index);
                    if (predicate.test(event)) {
                        return event;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("peer " + name + ": no matching " + description + " within "
                            + timeout.toSeconds() + " s" + diagnostics());
                }
                if (stdoutClosed) {
                    throw new AssertionError(
                            "peer " + name + " ended before a matching " + description + " arrived" + diagnostics());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for peer " + name, e);
                }
            }
        }
    }

    /** The number of events so far: pass it to {@link #awaitEvent(int, String, Predicate, Duration)} to wait for a later event. */
    public int mark() {
        synchronized (lock) {
            return events.size();
        }
    }

    /** All events so far. */
    public List<JsonNode> events() {
        synchronized (lock) {
            return List.copyOf(events);
        }
    }

    /** All events so far with this name. */
    public List<JsonNode> events(String event) {
        return events().stream().filter(e -> event.equals(text(e, "event"))).toList();
    }

    /** The peer's stderr so far (the last few hundred lines: SDK logs, Python tracebacks). */
    public String stderr() {
        synchronized (stderr) {
            return String.join("\n", stderr);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Asks the peer to leave the room and waits for it; kills it when it does not exit in time. */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                synchronized (stdin) {
                    stdin.write("quit\n");
                    stdin.flush();
                    stdin.close();
                }
            } catch (IOException e) {
                log.debug("peer {}: stdin already closed: {}", name, e.toString());
            }
            try {
                if (!process.waitFor(10, TimeUnit.SECONDS)) {
                    log.warn("peer {} did not leave within 10 s; killing it", name);
                    process.destroy();
                    if (!process.waitFor(3, TimeUnit.SECONDS)) {
                        process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
                    }
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The last events and stderr lines, for failure messages. */
    public String diagnostics() {
        List<JsonNode> all = events();
        String recent = all.subList(Math.max(0, all.size() - 25), all.size()).stream()
                .map(PythonPeer::abbreviate)
                .collect(Collectors.joining("\n  "));
        List<String> errLines = stderr().lines().toList();
        String errTail = String.join("\n  ", errLines.subList(Math.max(0, errLines.size() - 40), errLines.size()));
        String state = process.isAlive() ? "running" : "exited with " + process.exitValue();
        return "\npeer " + name + " (" + state + "), last events:\n  " + recent + "\nstderr:\n  " + errTail;
    }

    private static String abbreviate(JsonNode event) {
        String text = event.toString();
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    private void readStdout() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                JsonNode event = parse(line);
                log.trace("peer {} > {}", name, line);
                synchronized (lock) {
                    events.add(event);
                    lock.notifyAll();
                }
            }
        } catch (IOException e) {
            log.debug("peer {}: stdout: {}", name, e.toString());
        } finally {
            synchronized (lock) {
                stdoutClosed = true;
                lock.notifyAll();
            }
        }
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JacksonException e) {
            // not JSON: kept as a raw line below
        }
        return JSON.createObjectNode().put("event", "stdout_raw").put("line", line);
    }

    private void readStderr() {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.trace("peer {} stderr: {}", name, line);
                synchronized (stderr) {
                    stderr.addLast(line);
                    if (stderr.size() > STDERR_LINES_KEPT) {
                        stderr.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            log.debug("peer {}: stderr: {}", name, e.toString());
        }
    }

    /** Matches events whose text field {@code field} equals {@code value}. */
    public static Predicate<JsonNode> where(String field, String value) {
        return e -> value.equals(text(e, field));
    }

    /** Matches events whose numeric field {@code field} equals {@code value}. */
    public static Predicate<JsonNode> whereNumber(String field, double value) {
        return e -> e.path(field).isNumber() && e.path(field).asDouble() == value;
    }

    /** The string value of a field, or null when absent or not a string. */
    public static @Nullable String text(JsonNode event, String field) {
        JsonNode node = event.get(field);
        return node != null && node.isString() ? node.stringValue() : null;
    }
}
