package dev.sofia.agents.livekit;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A subscribed audio track of a remote participant. Open any number of {@link AudioStream}s on it,
 * each in the format its consumer wants; they all end when the track is unsubscribed.
 */
public final class RemoteAudioTrack {

    /** 2 s of 10 ms frames: a consumer that falls further behind than that loses the oldest audio. */
    public static final int DEFAULT_QUEUE_FRAMES = 200;

    private final String sid;
    private final String participantIdentity;
    private final AudioTrack track;
    private final List<AudioStream> streams = new CopyOnWriteArrayList<>();
    private volatile boolean ended;

    RemoteAudioTrack(String sid, String participantIdentity, AudioTrack track) {
        this.sid = sid;
        this.participantIdentity = participantIdentity;
        this.track = track;
    }

    /** The server's track id ({@code TR_…}). */
    public String sid() {
        return sid;
    }

    public String participantIdentity() {
        return participantIdentity;
    }

    public boolean isEnded() {
        return ended;
    }

    /** A stream of this track's audio as 10 ms frames at {@code sampleRate} Hz and 1 or 2 channels. */
    public AudioStream stream(int sampleRate, int channels) {
        return stream(sampleRate, channels, DEFAULT_QUEUE_FRAMES);
    }

    public synchronized AudioStream stream(int sampleRate, int channels, int queueFrames) {
        if (ended) {
            throw new IllegalStateException("track " + sid + " is no longer subscribed");
        }
        AudioStream[] holder = new AudioStream[1];
        AudioStream stream = new AudioStream(sampleRate, channels, queueFrames, () -> detach(holder[0]));
        holder[0] = stream;
        streams.add(stream);
        track.addSink(stream.sink);
        return stream;
    }

    private synchronized void detach(AudioStream stream) {
        if (streams.remove(stream) && !ended) {
            track.removeSink(stream.sink);
        }
    }

    /**
     * Ends every stream and detaches from libwebrtc's track; called by the room before the peer
     * connection that owns the track closes.
     */
    void end() {
        List<AudioStream> open;
        synchronized (this) {
            if (ended) {
                return;
            }
            open = List.copyOf(streams);
            for (AudioStream stream : open) {
                track.removeSink(stream.sink);
            }
            streams.clear();
            ended = true;
        }
        for (AudioStream stream : open) {
            stream.close();
        }
    }

    @Override
    public String toString() {
        return "RemoteAudioTrack[" + sid + " of " + participantIdentity + "]";
    }
}
