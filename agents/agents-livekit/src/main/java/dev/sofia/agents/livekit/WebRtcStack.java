package dev.sofia.agents.livekit;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.audio.HeadlessAudioDeviceModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The native WebRTC machinery of one room: a headless audio device module and the peer connection
 * factory (with its three libwebrtc threads) built on it.
 *
 * <p>Playout is started because libwebrtc only decodes remote audio, and so only feeds track sinks,
 * while an audio device pulls it; the headless module pulls and discards.
 *
 * <p>Recording must not run: libwebrtc starts the module's recording whenever a send stream starts
 * (on the publisher's remote answer), and the headless module's capture thread then feeds every
 * send stream, concurrently with our {@code CustomAudioSource} — libwebrtc aborts the process on
 * that race, and the "recorded" audio would be the playout mix anyway. So every publisher SDP step
 * runs through {@link #withCapturePaused}: our pushes pause, the step runs, recording is stopped
 * again, pushes resume. Pushes go through {@link #pushAudio} for that reason.
 *
 * <p>Close only after every peer connection of the factory is closed and every source disposed.
 */
final class WebRtcStack implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(WebRtcStack.class);

    private final HeadlessAudioDeviceModule audioDevice;
    private final PeerConnectionFactory factory;
    private final Object sendGate = new Object();
    private boolean sendPaused;
    private boolean closed;

    WebRtcStack() {
        audioDevice = new HeadlessAudioDeviceModule();
        factory = new PeerConnectionFactory(audioDevice);
        audioDevice.initPlayout();
        audioDevice.startPlayout();
    }

    PeerConnectionFactory factory() {
        return factory;
    }

    /** Pushes 10 ms of PCM into a source unless a publisher SDP step is running (then drops it). */
    void pushAudio(CustomAudioSource source, byte[] pcm, int sampleRate, int channels, int samplesPerChannel) {
        synchronized (sendGate) {
            if (!sendPaused) {
                source.pushAudio(pcm, 16, sampleRate, channels, samplesPerChannel);
            }
        }
    }

    /** Runs a publisher SDP step so that the module's capture thread never runs beside our pushes. */
    void withCapturePaused(Runnable sdpStep) {
        synchronized (sendGate) {
            sendPaused = true;
        }
        try {
            sdpStep.run();
        } finally {
            audioDevice.stopRecording();
            synchronized (sendGate) {
                sendPaused = false;
            }
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
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
