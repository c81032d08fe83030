package dev.sofia.agents.livekit;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native WebRTC machinery, shared by every room in the JVM (as the Rust SDK shares its
 * runtime): a headless audio device module and the peer connection factory built on it, with
 * libwebrtc's signaling, worker and network threads and the module's audio thread. Sharing keeps a
 * room's cost to its peer connections and tracks; a factory per room cost four more threads and
 * their wake-ups per room. Created for the first room ({@link #acquire()}), disposed after the
 * last one released it, so a JVM without rooms holds nothing native.
 *
 * <p>Playout is started because libwebrtc only decodes remote audio, and so only feeds track sinks,
 * while an audio device pulls it; the headless module pulls and discards.
 *
 * <p>Recording must not run: libwebrtc starts the module's recording whenever a send stream starts
 * (on a publisher's remote answer), and the headless module's capture thread then feeds every send
 * stream, concurrently with our {@code CustomAudioSource}s — libwebrtc aborts the process on that
 * race, and the "recorded" audio would be the playout mix anyway. So every publisher SDP step runs
 * through {@link #withCapturePaused}: pushes of all rooms pause (a push that finds the gate closed
 * is dropped, never waits), the step runs, recording is stopped again, pushes resume.
 */
final class WebRtcStack {

    private static final Logger log = LoggerFactory.getLogger(WebRtcStack.class);

    private static final Object SHARED_LOCK = new Object();
    private static @Nullable WebRtcStack shared;
    private static int users;

    private final HeadlessAudioDeviceModule audioDevice;
    private final PeerConnectionFactory factory;
    /** Pushes hold the read side, SDP steps the write side. */
    private final ReentrantReadWriteLock captureGate = new ReentrantReadWriteLock();

    private WebRtcStack() {
        audioDevice = new HeadlessAudioDeviceModule();
        factory = new PeerConnectionFactory(audioDevice);
        audioDevice.initPlayout();
        audioDevice.startPlayout();
    }

    /** The shared stack, created if no room holds it; pair with {@link #release()}. */
    static WebRtcStack acquire() {
        synchronized (SHARED_LOCK) {
            WebRtcStack stack = shared;
            if (stack == null) {
                stack = new WebRtcStack();
                shared = stack;
            }
            users++;
            return stack;
        }
    }

    /**
     * One room is done with the stack; the last one disposes it. Call only after the room's peer
     * connections are closed and its sources disposed.
     */
    void release() {
        synchronized (SHARED_LOCK) {
            if (shared != this || users == 0) {
                return;
            }
            users--;
            if (users == 0) {
                shared = null;
                dispose();
            }
        }
    }

    PeerConnectionFactory factory() {
        return factory;
    }

    /** Pushes 10 ms of PCM into a source unless a publisher SDP step is running (then drops it). */
    void pushAudio(CustomAudioSource source, byte[] pcm, int sampleRate, int channels, int samplesPerChannel) {
        if (!captureGate.readLock().tryLock()) {
            return;
        }
        try {
            source.pushAudio(pcm, 16, sampleRate, channels, samplesPerChannel);
        } finally {
            captureGate.readLock().unlock();
        }
    }

    /** Runs a publisher SDP step so that the module's capture thread never runs beside our pushes. */
    void withCapturePaused(Runnable sdpStep) {
        captureGate.writeLock().lock();
        try {
            sdpStep.run();
        } finally {
            try {
                audioDevice.stopRecording();
            } finally {
                captureGate.writeLock().unlock();
            }
        }
    }

    private void dispose() {
        try {
            audioDevice.stopPlayout();
        } catch (RuntimeException e) {
            log.debug("stop playout: {}", e.toString());
        }
        try {
            factory.dispose();
        } catch (RuntimeException e) {
            log.warn("peer connection factory not fully released: {}", e.toString());
        }
        audioDevice.dispose();
    }
}
