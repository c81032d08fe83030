package dev.sofia.agents.livekit.voice;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.PlayoutBuffer.SegmentPlayout;
import dev.sofia.agents.livekit.LocalAudioTrack;
import dev.sofia.agents.voice.AudioOutput;
import java.util.List;
import java.util.function.Consumer;

/** The agent's voice in the room: a published {@link LocalAudioTrack} as a session's audio output. */
final class RoomAudioOutput implements AudioOutput {

    private final LocalAudioTrack track;

    RoomAudioOutput(LocalAudioTrack track) {
        this.track = track;
    }

    LocalAudioTrack track() {
        return track;
    }

    @Override
    public int sampleRate() {
        return track.sampleRate();
    }

    @Override
    public int channels() {
        return track.channels();
    }

    @Override
    public void push(String segmentId, AudioFrame audio) {
        if (!track.isEnded()) {
            track.push(segmentId, audio);
        }
    }

    @Override
    public void endSegment(String segmentId) {
        if (!track.isEnded()) {
            track.endSegment(segmentId);
        }
    }

    @Override
    public List<SegmentPlayout> clearBuffer() {
        return track.clearBuffer();
    }

    @Override
    public void pause() {
        track.pause();
    }

    @Override
    public void resume() {
        track.resume();
    }

    @Override
    public void onPlayout(Consumer<String> segmentStarted, Consumer<SegmentPlayout> segmentDone) {
        track.onSegmentStarted(segmentStarted);
        track.onPlayout(segmentDone);
    }
}
