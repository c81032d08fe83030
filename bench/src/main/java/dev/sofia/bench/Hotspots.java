package dev.sofia.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where one thread spends its time, from Java Flight Recorder samples taken while {@code work} runs:
 * the methods at the top of the stack, and the innermost clinic method on the stack (so time in the
 * JDK or the driver is charged to the clinic code that called it). A thread blocked in a socket read
 * shows up in the native-method samples, which JFR takes less often.
 */
final class Hotspots {

    /** A method and the share of the thread's samples it stands for. */
    record Entry(String method, int samples, double percent) {}

    record Profile(int samples, int nativeSamples, List<Entry> topFrames, List<Entry> clinicFrames) {}

    private static final String CLINIC = "dev.sofia.clinic.";

    static Profile of(Runnable work, int limit) throws IOException {
        Path file = Files.createTempFile("sofia-bench", ".jfr");
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(2));
            recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(20));
            recording.start();
            work.run();
            recording.stop();
            recording.dump(file);
            String thread = Thread.currentThread().getName();
            List<RecordedEvent> samples = RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.ExecutionSample"))
                    .filter(e -> thread.equals(e.getThread("sampledThread").getJavaName()))
                    .filter(e -> e.getStackTrace() != null
                            && !e.getStackTrace().getFrames().isEmpty())
                    .toList();
            int nativeSamples = (int) RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("jdk.NativeMethodSample"))
                    .filter(e -> thread.equals(e.getThread("sampledThread").getJavaName()))
                    .count();
            return new Profile(
                    samples.size(),
                    nativeSamples,
                    top(samples, e -> name(e.getStackTrace().getFrames().getFirst()), limit),
                    top(samples, Hotspots::innermostClinicFrame, limit));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String innermostClinicFrame(RecordedEvent e) {
        return e.getStackTrace().getFrames().stream()
                .map(Hotspots::name)
                .filter(n -> n.startsWith(CLINIC))
                .findFirst()
                .orElse("(outside the clinic)");
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static List<Entry> top(List<RecordedEvent> samples, Function<RecordedEvent, String> key, int limit) {
        Map<String, Integer> counts = new HashMap<>();
        samples.forEach(e -> counts.merge(key.apply(e), 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(limit)
                .map(c -> new Entry(c.getKey(), c.getValue(), 100.0 * c.getValue() / samples.size()))
                .toList();
    }
}
