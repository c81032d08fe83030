package dev.sofia.agents.espeak;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.provider.ConnectOptions;
import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderTimeoutException;
import dev.sofia.agents.provider.StreamInput;
import dev.sofia.agents.tts.ChunkedSynthesis;
import dev.sofia.agents.tts.SynthesizedAudio;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One text spoken by one {@code espeak-ng} process. Two helper virtual threads keep the pipes
 * moving (text in, stderr out) while {@link #run} reads the WAV; the last piece is held back until
 * the end so it can be marked final. {@link #close()} kills the process, which also unblocks the
 * pipe read that a thread interrupt alone would not.
 */
final class EspeakSynthesis extends ChunkedSynthesis {

    /** About 50 ms at 22,050 Hz: small pieces, so the first audio is out early. */
    private static final int PIECE_SAMPLES = 1_024;

    private static final int MAX_STDERR = 4_096;

    private final EspeakTts tts;
    private final String segmentId;
    private final Object lock = new Object();
    private @Nullable Process process;

    EspeakSynthesis(EspeakTts tts, String text, String segmentId, ConnectOptions options) {
        super(tts, text, options);
        this.tts = tts;
        this.segmentId = segmentId;
    }

    @Override
    protected void run(StreamInput<Void> in, Consumer<SynthesizedAudio> out) throws Exception {
        String text = neutralise(text());
        if (text.isBlank()) {
            out.accept(new SynthesizedAudio(AudioFrame.silence(tts.sampleRate(), 1, 0), segmentId, true, ""));
            return;
        }
        Process espeak = launch();
        try {
            speak(espeak, text, out);
        } finally {
            espeak.destroyForcibly();
        }
    }

    private void speak(Process espeak, String text, Consumer<SynthesizedAudio> out) throws Exception {
        Thread writer = Thread.ofVirtual().name("espeak-stdin").start(() -> write(espeak, text));
        StringBuilder stderr = new StringBuilder();
        Thread errors = Thread.ofVirtual().name("espeak-stderr").start(() -> drain(espeak.getErrorStream(), stderr));
        Watchdog watchdog = new Watchdog(espeak, options().timeout().toMillis());
        IOException readFailure = null;
        SynthesizedAudio last = null;
        try {
            last = readAudio(espeak.getInputStream(), watchdog, out);
        } catch (IOException e) {
            readFailure = e; // if espeak failed, its exit code and stderr say why
        } finally {
            watchdog.cancel();
        }
        int exit = espeak.waitFor();
        writer.join();
        errors.join();
        if (watchdog.fired()) {
            throw new ProviderTimeoutException(
                    tts.label(), "espeak-ng's first audio", options().timeout());
        }
        if (exit != 0) {
            String message;
            synchronized (stderr) {
                message = stderr.toString().strip();
            }
            throw new ProviderException(
                    tts.label(), "espeak-ng exited with " + exit + (message.isEmpty() ? "" : ": " + message), false);
        }
        if (readFailure != null) {
            throw new ProviderException(tts.label(), "unreadable espeak-ng output: " + readFailure.getMessage(), false);
        }
        // Only a synthesis that succeeded ends with a final piece.
        out.accept(
                last != null
                        ? new SynthesizedAudio(last.frame(), segmentId, true, "")
                        : new SynthesizedAudio(AudioFrame.silence(tts.sampleRate(), 1, 0), segmentId, true, ""));
    }

    /** Passes on the audio as it comes, all but the last piece, which it returns. */
    private @Nullable SynthesizedAudio readAudio(InputStream stdout, Watchdog watchdog, Consumer<SynthesizedAudio> out)
            throws IOException {
        WavStream wav = WavStream.open(stdout);
        watchdog.cancel(); // espeak answered; the rest of the text may take as long as it takes
        if (wav.channels() != 1) {
            throw new IOException("espeak-ng wrote " + wav.channels() + " channels, expected mono");
        }
        SincResampler.Kernel kernel = tts.kernelFrom(wav.sampleRate());
        SincResampler resampler = kernel == null ? null : new SincResampler(kernel);
        SynthesizedAudio held = null;
        for (short[] samples = wav.read(PIECE_SAMPLES); samples != null; samples = wav.read(PIECE_SAMPLES)) {
            short[] converted = resampler == null ? samples : resampler.process(samples);
            held = pass(converted, held, out);
        }
        if (resampler != null) {
            held = pass(resampler.finish(), held, out);
        }
        return held;
    }

    /** Sends the piece held so far and holds {@code samples} instead (empty conversions are skipped). */
    private @Nullable SynthesizedAudio pass(
            short[] samples, @Nullable SynthesizedAudio held, Consumer<SynthesizedAudio> out) {
        if (samples.length == 0) {
            return held;
        }
        if (held != null) {
            out.accept(held);
        }
        return new SynthesizedAudio(new AudioFrame(samples, tts.sampleRate(), 1), segmentId, false, "");
    }

    private Process launch() throws InterruptedException {
        EspeakTtsOptions o = tts.options();
        // --stdin: the whole text at once (else each line is a separate utterance); -b 1: UTF-8;
        // no -m, so markup is read out rather than interpreted.
        ProcessBuilder builder = new ProcessBuilder(List.of(
                o.binary(),
                "--stdout",
                "--stdin",
                "-b",
                "1",
                "-v",
                o.voice(),
                "-s",
                Integer.toString(o.wordsPerMinute()),
                "-p",
                Integer.toString(o.pitch())));
        Process started;
        try {
            started = builder.start();
        } catch (IOException e) {
            throw new ProviderException(
                    tts.label(),
                    "cannot run espeak-ng as '" + o.binary() + "' (" + e.getMessage()
                            + "): install espeak-ng (Debian: apt-get install espeak-ng) or set the binary path",
                    false,
                    e);
        }
        synchronized (lock) {
            if (isClosed()) {
                started.destroyForcibly();
                throw new InterruptedException("synthesis closed");
            }
            process = started;
        }
        return started;
    }

    /** Cancels: besides the base class's interrupt, the process dies so the pipe read ends. */
    @Override
    public void close() {
        super.close();
        Process running;
        synchronized (lock) {
            running = process;
        }
        if (running != null) {
            running.destroyForcibly();
        }
    }

    private static void write(Process espeak, String text) {
        try (OutputStream stdin = espeak.getOutputStream()) {
            stdin.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // espeak died before reading everything: its exit code tells the story
        }
    }

    private static void drain(InputStream stream, StringBuilder into) {
        try (stream) {
            byte[] buffer = new byte[1024];
            for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                synchronized (into) {
                    if (into.length() < MAX_STDERR) {
                        into.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                    }
                }
            }
        } catch (IOException e) {
            // the process was killed; what was read is enough
        }
    }

    /**
     * Makes untrusted text plain text for espeak-ng: control characters (0x01 starts an embedded
     * command) become spaces, and {@code [[} (phoneme input, on by default in the espeak-ng
     * command) loses its second bracket. Without {@code -m}, SSML is already read as text.
     */
    static String neutralise(String text) {
        StringBuilder plain = new StringBuilder(text.length());
        text.codePoints().forEach(c -> plain.appendCodePoint(Character.getType(c) == Character.CONTROL ? ' ' : c));
        return plain.toString().replaceAll("\\[{2,}", "[");
    }

    /** Kills the process if no header arrived within the timeout. */
    private static final class Watchdog {
        private final Thread thread;
        private boolean cancelled;
        private volatile boolean fired;

        Watchdog(Process espeak, long timeoutMillis) {
            this.thread = Thread.ofVirtual().name("espeak-watchdog").start(() -> {
                try {
                    Thread.sleep(timeoutMillis);
                } catch (InterruptedException e) {
                    return; // cancelled: the audio came in time
                }
                synchronized (this) {
                    if (cancelled) {
                        return;
                    }
                    fired = true;
                }
                espeak.destroyForcibly();
            });
        }

        synchronized void cancel() {
            cancelled = true;
            thread.interrupt();
        }

        boolean fired() {
            return fired;
        }
    }
}
