package dev.sofia.bench;

import dev.sofia.agents.audio.AudioFrame;

/**
 * The caller's end of one conversation, in process or in a LiveKit room: it speaks utterances in
 * real time and watches the agent's audio. Instants are {@link System#nanoTime()}.
 */
abstract class VoiceLine {

    private volatile long speechStartedNanos;
    private volatile long speechEndedNanos;
    private volatile long firstAgentAudioNanos;
    private volatile long lastAgentAudioNanos;

    /** Starts speaking the utterance (returns at once); {@link #speechEndedNanos()} is reset. */
    final void speak(VoiceSpeech.Utterance utterance) {
        speechStartedNanos = 0;
        speechEndedNanos = 0;
        firstAgentAudioNanos = 0;
        send(utterance);
    }

    /** Queues the utterance's audio; call {@link #speechEnded()} when its last frame went out. */
    protected abstract void send(VoiceSpeech.Utterance utterance);

    /** Where the output reports it (a room's track), when the first frame of the utterance went out. */
    protected final void speechStarted() {
        speechStartedNanos = System.nanoTime();
    }

    protected final void speechEnded() {
        speechEndedNanos = System.nanoTime();
    }

    /** For every frame of the agent's audio as it comes out (played, or received by the caller). */
    protected final void agentFrame(AudioFrame frame) {
        if (VoiceSpeech.audible(frame)) {
            long now = System.nanoTime();
            if (firstAgentAudioNanos == 0) {
                firstAgentAudioNanos = now;
            }
            lastAgentAudioNanos = now;
        }
    }

    /** When the first frame of the latest utterance went out; 0 if not known (yet). */
    final long speechStartedNanos() {
        return speechStartedNanos;
    }

    /** When the last frame of the latest utterance went out; 0 while it is still being spoken. */
    final long speechEndedNanos() {
        return speechEndedNanos;
    }

    /** The first audible agent frame since the latest {@link #speak}; 0 if none yet. */
    long firstAgentAudioNanos() {
        return firstAgentAudioNanos;
    }

    /** The latest audible agent frame; 0 if none yet. */
    long lastAgentAudioNanos() {
        return lastAgentAudioNanos;
    }
}
