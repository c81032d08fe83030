package dev.sofia.livekit.local.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code peers/audio_check.py} (test resources): two participants of the official LiveKit
 * Python SDK exchange a tone through a server and report the ICE candidate pairs their media used.
 *
 * @param exitCode 0: the tone arrived; 1: it did not in time; 2: a participant could not join
 * @param result the script's JSON report (see the script)
 * @param stderr what the SDK logged, for failure messages
 */
record AudioCheck(int exitCode, JsonNode result, String stderr) {

    private static final long PROCESS_TIMEOUT_SECONDS = 120;

    /**
     * @param prefix a command to run the script under, e.g. {@code ip netns exec <name>}; empty for none
     */
    static AudioCheck run(List<String> prefix, String url, String apiKey, String apiSecret, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(python().toString());
        command.add("-u");
        command.add(script().toString());
        command.add("--url");
        command.add(url);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        // the pair goes through the environment, never onto a command line that ps shows
        builder.environment().put("LIVEKIT_API_KEY", apiKey);
        builder.environment().put("LIVEKIT_API_SECRET", apiSecret);
        builder.environment().put("PYTHONUNBUFFERED", "1");
        try {
            Process process = builder.start();
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            String stdout = readAll(process.getInputStream());
            if (!process.waitFor(PROCESS_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("audio_check.py did not finish in " + PROCESS_TIMEOUT_SECONDS + " s");
            }
            String last = stdout.lines().reduce((a, b) -> b).orElse("{}");
            return new AudioCheck(process.exitValue(), JsonMapper.shared().readTree(last), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    boolean toneArrived() {
        return exitCode == 0 && result.path("ok").asBoolean(false);
    }

    /** e.g. "tcp" for the listener's (receiving) side: the protocol of its media candidate pair. */
    String listenerProtocol() {
        return result.path("listener").path("local").path("protocol").asString("");
    }

    String talkerProtocol() {
        return result.path("talker").path("local").path("protocol").asString("");
    }

    @Override
    public String toString() {
        String tail =
                stderr.lines().skip(Math.max(0, stderr.lines().count() - 15)).reduce("", (a, b) -> a + "\n" + b);
        return "exit " + exitCode + ": " + result + "\nSDK log (tail):" + tail;
    }

    /** The venv Python with the LiveKit SDK that scripts/setup.sh installs. */
    static Path python() {
        String venv = System.getenv("SOFIA_VENV");
        Path python = venv != null && !venv.isBlank()
                ? Path.of(venv, "bin", "python")
                : Path.of(System.getProperty("user.home"), ".cache", "sofia", "venv", "bin", "python");
        if (!Files.isExecutable(python)) {
            throw new IllegalStateException("no Python with the LiveKit SDK at " + python + "; run scripts/test.sh");
        }
        return python;
    }

    private static Path script() {
        URL url = Objects.requireNonNull(AudioCheck.class.getResource("/peers/audio_check.py"));
        try {
            if ("file".equals(url.getProtocol())) {
                return Path.of(url.toURI());
            }
            Path copy = Files.createTempFile("sofia-audio-check-", ".py");
            copy.toFile().deleteOnExit();
            try (InputStream in = url.openStream()) {
                Files.write(copy, in.readAllBytes());
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
