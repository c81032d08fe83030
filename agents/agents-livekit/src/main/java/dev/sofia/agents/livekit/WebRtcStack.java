package dev.sofia.agents.livekit;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import dev.sofia.agents.audio.AudioPacer;
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
 * through {@link #withCapturePaused}: the stack's one {@link AudioPacer}, which makes every push of
 * every room, waits; the step runs; recording is stopped again; the pacer then serves the deadlines
 * it missed (see there: the streams' timelines stay whole, so no far end plays later afterwards).
 */
final class WebRtcStack {

    private static final Logger log = LoggerFactory.getLogger(WebRtcStack.class);

    private static final Object SHARED_LOCK = new Object();
    private static @Nullable WebRtcStack shared;
    private static int users;

    private final HeadlessAudioDeviceModule audioDevice;
    private final PeerConnectionFactory factory;
    /** Paces every published track of the JVM; the only thread that pushes audio into libwebrtc. */
    private final AudioPacer pacer = new AudioPacer("sofia-audio-pacer");

    private WebRtcStack() {
        audioDevice = new HeadlessAudioDeviceModule();
        factory = new PeerConnectionFactory(audioDevice);
        audioDevice.initPlayout();
        audioDevice.startPlayout();
        pacer.start();
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

    /** The clock that paces local tracks; their sinks call {@link #pushAudio}. */
    AudioPacer pacer() {
        return pacer;
    }

    /** Pushes 10 ms of PCM into a source; only from the pacer's thread. */
    void pushAudio(CustomAudioSource source, byte[] pcm, int sampleRate, int channels, int samplesPerChannel) {
        source.pushAudio(pcm, 16, sampleRate, channels, samplesPerChannel);
    }

    /** Runs a publisher SDP step so that the module's capture thread never runs beside our pushes. */
    void withCapturePaused(Runnable sdpStep) {
        pacer.runPaused(() -> {
            try {
                sdpStep.run();
            } finally {
                audioDevice.stopRecording();
            }
        });
    }

    private void dispose() {
        pacer.close();
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
