package dev.sofia.agents.livekit.voice;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.livekit.AudioStream;
import dev.sofia.agents.livekit.RemoteAudioTrack;
import dev.sofia.agents.livekit.Room;
import dev.sofia.agents.livekit.RoomEvent;
import dev.sofia.agents.voice.AudioInput;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The caller's audio in the room as a session's input: the linked participant's microphone track,
 * resampled to what speech recognition wants. Waits for the track to be subscribed, follows a new
 * track after a reconnect, and ends when the participant leaves or the room closes.
 */
final class RoomAudioInput implements AudioInput {

    private final Room room;
    private final String identity;
    private final int sampleRate;
    private volatile @Nullable AudioStream stream;
    private volatile boolean ended;

    RoomAudioInput(Room room, String identity, int sampleRate) {
        this.room = room;
        this.identity = identity;
        this.sampleRate = sampleRate;
        room.addListener(this::onEvent);
        var participant = room.remoteParticipants().get(identity);
        if (participant != null && !participant.audioTracks().isEmpty()) {
            follow(participant.audioTracks().getFirst());
        }
    }

    private void onEvent(RoomEvent event) {
        switch (event) {
            case RoomEvent.TrackSubscribed(RemoteAudioTrack track, var participant)
            when participant.identity().equals(identity) -> follow(track);
            case RoomEvent.ParticipantDisconnected(var participant)
            when participant.identity().equals(identity) -> end();
            case RoomEvent.Disconnected d -> end();
            default -> {}
        }
    }

    private synchronized void follow(RemoteAudioTrack track) {
        AudioStream old = stream;
        stream = track.stream(sampleRate, 1);
        if (old != null) {
            old.close();
        }
    }

    private void end() {
        ended = true;
        AudioStream current = stream;
        if (current != null) {
            current.close();
        }
    }

    @Override
    public @Nullable AudioFrame read() throws InterruptedException {
        while (!ended) {
            AudioStream current = stream;
            if (current == null || current.isClosed()) {
                TimeUnit.MILLISECONDS.sleep(10); // no track yet, or it ended and a new one may follow
                continue;
            }
            AudioFrame frame = current.read(100, TimeUnit.MILLISECONDS);
            if (frame != null) {
                return frame;
            }
        }
        return null;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int channels() {
        return 1;
    }
}
