package dev.sofia.agents.testkit;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.ToneGenerator;
import dev.sofia.agents.voice.AudioInput;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * The caller's side of a test conversation, as an {@link AudioInput} delivering 10 ms frames in
 * real time: silence by default, and {@link #speak} pushes a speech-like tone burst (what {@link
 * FakeStt} and an energy VAD hear as speech). {@link #hangUp()} ends the input. Frames are produced
 * by a pacing thread at absolute 10 ms deadlines, like a real audio track.
 */
public final class ScriptedCaller implements AudioInput, AutoCloseable {

    public static final double VOICE_HZ = 220;

    private final int sampleRate;
    private final LinkedBlockingQueue<AudioFrame> frames = new LinkedBlockingQueue<>();
    private final LinkedBlockingQueue<AudioFrame> script = new LinkedBlockingQueue<>();
    private final ToneGenerator voice;
    private final Thread clock;
    private volatile boolean hungUp;
    private volatile long speechEndsAtNanos;

    public ScriptedCaller(int sampleRate) {
        this.sampleRate = sampleRate;
        this.voice = new ToneGenerator(VOICE_HZ, 0.3, sampleRate, 1);
        this.clock = Thread.ofPlatform().daemon().name("scripted-caller").start(this::tick);
    }

    /**
     * Queues {@code duration} of speech after what is already queued; returns when the speech will
     * end, on {@link System#nanoTime()} (approximately; exact once played: {@link #lastSpeechEndNanos}).
     */
    public synchronized void speak(Duration duration) {
        long frames10ms = duration.toMillis() / 10;
        for (long i = 0; i < frames10ms; i++) {
            script.add(voice.next10ms());
        }
        script.add(AudioFrame.silence10ms(sampleRate, 1)); // marks the end (see tick)
    }

    /** When the last scripted speech frame was delivered ({@link System#nanoTime()}), 0 if none yet. */
    public long lastSpeechEndNanos() {
        return speechEndsAtNanos;
    }

    /** Whether scripted speech is still waiting to be delivered. */
    public boolean isSpeaking() {
        return !script.isEmpty();
    }

    public void hangUp() {
        hungUp = true;
    }

    @Override
    public @Nullable AudioFrame read() throws InterruptedException {
        while (true) {
            AudioFrame frame = frames.poll(20, TimeUnit.MILLISECONDS);
            if (frame != null) {
                return frame;
            }
            if (hungUp) {
                return null;
            }
        }
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int channels() {
        return 1;
    }

    @Override
    public void close() {
        hungUp = true;
        clock.interrupt();
    }

    private void tick() {
        long deadline = System.nanoTime();
        boolean wasSpeaking = false;
        while (!hungUp) {
            AudioFrame next = script.poll();
            boolean speaking =
                    next != null && AudioFrame.silence10ms(sampleRate, 1).equals(next) == false;
            if (wasSpeaking && !speaking) {
                speechEndsAtNanos = System.nanoTime();
            }
            wasSpeaking = speaking;
            frames.add(next != null ? next : AudioFrame.silence10ms(sampleRate, 1));
            deadline += 10_000_000L;
            long wait = deadline - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
    }
}
