package dev.sofia.agents.livekit;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.Goertzel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test helper: listens to a remote audio stream for a tone. */
final class Tones {

    private Tones() {}

    /**
     * Reads 100 ms windows until {@code wanted} of them hold the tone, or the wait is over, and
     * returns how many did (so an assertion can show the count).
     */
    static int windowsWith(AudioStream stream, double frequency, int wanted, Duration wait)
            throws InterruptedException {
        int found = 0;
        long deadline = System.nanoTime() + wait.toNanos();
        List<AudioFrame> window = new ArrayList<>();
        while (found < wanted && System.nanoTime() < deadline) {
            AudioFrame frame = stream.read(1, TimeUnit.SECONDS);
            if (frame == null) {
                continue;
            }
            window.add(frame);
            if (window.size() == 10) {
                if (Goertzel.detects(AudioFrame.concat(window), frequency)) {
                    found++;
                }
                window.clear();
            }
        }
        return found;
    }
}
