package dev.sofia.agents.livekit;

import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.PacedStream;
import dev.sofia.agents.audio.PlayoutBuffer;
import dev.sofia.agents.audio.PlayoutBuffer.SegmentPlayout;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Our published microphone track, fed with PCM. Audio pushed in bursts of any length is played
 * out in real time, 10 ms every 10 ms, by the JVM's audio pacer; silence fills the gaps so the far end
 * sees a steady stream.
 *
 * <p>Segments: audio is pushed under a segment id (e.g. one reply). {@link #clearBuffer()} drops
 * what has not been played (the caller interrupted), and {@link #onPlayout} listeners learn per
 * segment how many samples were actually played, so an agent knows what the caller heard.
 *
 * <p>Lifecycle: created by {@link LocalParticipant#publishAudio}; ends with {@link #unpublish()} or
 * when the room disconnects. Thread-safe.
 */
public final class LocalAudioTrack {

    private final String cid;
    private volatile String sid;
    private final String name;
    private final int sampleRate;
    private final int channels;
    private final CustomAudioSource source;
    private final AudioTrack track;
    private final PlayoutBuffer buffer;
    private volatile @Nullable PacedStream playout;
    private final List<Consumer<SegmentPlayout>> listeners = new CopyOnWriteArrayList<>();
    private final LocalParticipant owner;
    private final WebRtcStack stack;
    private volatile @Nullable RTCRtpSender sender;
    private volatile boolean ended;

    LocalAudioTrack(
            String cid,
            String sid,
            String name,
            int sampleRate,
            int channels,
            CustomAudioSource source,
            AudioTrack track,
            WebRtcStack stack,
            LocalParticipant owner) {
        this.stack = stack;
        this.cid = cid;
        this.sid = sid;
        this.name = name;
        this.sampleRate = sampleRate;
        this.channels = channels;
        this.source = source;
        this.track = track;
        this.owner = owner;
        this.buffer = new PlayoutBuffer(sampleRate, channels, this::notifyPlayout);
    }

    /** The server's track id ({@code TR_…}); a new one after a full reconnect republished the track. */
    public String sid() {
        return sid;
    }

    /** Our client id for the track, which is also libwebrtc's track id. */
    public String cid() {
        return cid;
    }

    public String name() {
        return name;
    }

    public int sampleRate() {
        return sampleRate;
    }

    public int channels() {
        return channels;
    }

    /** Queues audio (in this track's rate and channels, any length) under a segment id. */
    public void push(String segmentId, AudioFrame audio) {
        if (audio.sampleRate() != sampleRate || audio.channels() != channels) {
            throw new IllegalArgumentException(
                    "track takes " + sampleRate + " Hz/" + channels + " ch, got " + audio + " (use a Resampler)");
        }
        buffer.push(segmentId, audio);
    }

    /** No more audio follows for this segment; it is reported FINISHED once played. */
    public void endSegment(String segmentId) {
        buffer.markEndOfSegment(segmentId);
    }

    /** Drops everything not yet played and reports those segments as interrupted. */
    public List<SegmentPlayout> clearBuffer() {
        return buffer.clear();
    }

    /** Waits until everything queued has been played (or cleared); false on timeout. */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        return buffer.awaitDrained(timeout);
    }

    /** Samples per channel still waiting to be played. */
    public long queuedSamples() {
        return buffer.queuedSamples();
    }

    /** Listeners run on the playout notification thread, one report per segment. */
    public void onPlayout(Consumer<SegmentPlayout> listener) {
        listeners.add(listener);
    }

    /** Called with a segment's id when its first sample is played (same thread and order as the reports). */
    public void onSegmentStarted(Consumer<String> listener) {
        buffer.onSegmentStarted(listener);
    }

    /** Stops playout at the next frame (silence goes out), keeping what is queued. */
    public void pause() {
        buffer.pause();
    }

    /** Goes on playing after {@link #pause()}. */
    public void resume() {
        buffer.resume();
    }

    /** Frames played more than 10 ms late; a rising count means the host is overloaded. */
    public long latePlayoutTicks() {
        PacedStream p = playout;
        return p == null ? 0 : p.lateTicks();
    }

    /** 10 ms deadlines served with silence after a stall, so the stream kept its timeline. */
    public long filledPlayoutTicks() {
        PacedStream p = playout;
        return p == null ? 0 : p.filledTicks();
    }

    /** 10 ms deadlines given up after a stall too long to fill: the stream fell behind real time. */
    public long skippedPlayoutTicks() {
        PacedStream p = playout;
        return p == null ? 0 : p.skippedTicks();
    }

    public boolean isEnded() {
        return ended;
    }

    /** Stops sending and removes the track from the room. */
    public void unpublish() {
        owner.unpublish(this);
    }

    AudioTrack webRtcTrack() {
        return track;
    }

    @Nullable
    RTCRtpSender sender() {
        return sender;
    }

    /** Called once the track is on the publisher connection. */
    void startPlayout(RTCRtpSender rtpSender) {
        this.sender = rtpSender;
        playout = stack.pacer()
                .add(
                        cid,
                        () -> buffer.nextFrame().audio(),
                        this::pushToWebRtc,
                        AudioFrame.silence10ms(sampleRate, channels));
    }

    /**
     * Full reconnect, engine thread, after the old publisher was closed and released: frees the
     * old sender. The playout keeps running (its pushes reach no one until the track is republished).
     */
    void releaseSender() {
        RTCRtpSender rtpSender = sender;
        sender = null;
        if (rtpSender != null) {
            NativeRelease.release(rtpSender, "RTP sender");
        }
    }

    /** Full reconnect: the track is on the new publisher, under a new server id. */
    void republished(String newSid, RTCRtpSender rtpSender) {
        this.sid = newSid;
        this.sender = rtpSender;
    }

    /** Stops the pacer and the buffer (reporting interrupted segments); before the PC closes. */
    void stopPlayout() {
        ended = true;
        PacedStream p = playout;
        if (p != null) {
            p.close();
        }
        buffer.close();
    }

    /**
     * Frees the native sender, track and source, in that order (each holds the next); after the
     * peer connection that used them was closed and released. Engine thread, once.
     */
    void releaseNative() {
        // webrtc-java hands out a sender reference it never releases (see NativeRelease).
        releaseSender();
        releaseTrackAndSource(track, source);
    }

    /** Frees a local track and its source (the track holds the source, so the track goes first). */
    static void releaseTrackAndSource(AudioTrack track, CustomAudioSource source) {
        // track.dispose() would throw an Error (after releasing) if the track were still held.
        NativeRelease.release(track, "local audio track");
        source.dispose();
    }

    private void pushToWebRtc(AudioFrame frame) {
        if (!ended) {
            stack.pushAudio(source, frame.toLittleEndianBytes(), sampleRate, channels, frame.samplesPerChannel());
        }
    }

    private void notifyPlayout(SegmentPlayout playout) {
        for (Consumer<SegmentPlayout> listener : listeners) {
            listener.accept(playout);
        }
    }
}
