package dev.sofia.bench;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.livekit.AudioStream;
import dev.sofia.agents.livekit.LocalAudioTrack;
import dev.sofia.agents.livekit.RemoteAudioTrack;
import dev.sofia.agents.livekit.Room;
import dev.sofia.agents.livekit.RoomEvent;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A caller in a LiveKit room, our own room client ({@link RoomsSide#OPTIONS}, as the rooms benchmark
 * joins): it publishes a 48 kHz microphone track into which each utterance is pushed whole, as one
 * segment, and the track's pacer sends it in 10 ms frames (silence between utterances); the end of
 * speech is when the pacer reports the segment played. It subscribes to the agent's track as 16 kHz
 * frames and watches them for audio (see {@link VoiceLine}).
 */
final class VoiceRoomCaller extends VoiceLine implements AutoCloseable {

    static final String IDENTITY = "caller";
    static final int PUBLISH_RATE = 48_000;
    static final int LISTEN_RATE = 16_000;

    final String roomName;
    private final Room room;
    private final LocalAudioTrack track;
    private final CompletableFuture<Void> agentHeard = new CompletableFuture<>();
    private final AtomicBoolean listening = new AtomicBoolean();
    private volatile String segment = "";
    private int utterances;

    private VoiceRoomCaller(String roomName, String url, String token) {
        this.roomName = roomName;
        this.room = Room.connect(url, token, RoomsSide.OPTIONS, event -> {
            if (event instanceof RoomEvent.TrackSubscribed subscribed) {
                listen(subscribed.track());
            }
        });
        try {
            this.track = room.localParticipant().publishAudio(IDENTITY + "-voice", PUBLISH_RATE, 1);
        } catch (RuntimeException e) {
            room.disconnect();
            throw e;
        }
        track.onSegmentStarted(id -> {
            if (id.equals(segment)) {
                speechStarted();
            }
        });
        track.onPlayout(playout -> {
            if (playout.segmentId().equals(segment)) {
                speechEnded();
            }
        });
    }

    /** Joins the room and publishes the microphone; the agent may come later. */
    static VoiceRoomCaller join(String roomName, String url, String token) {
        return new VoiceRoomCaller(roomName, url, token);
    }

    @Override
    protected void send(VoiceSpeech.Utterance utterance) {
        String id = roomName + "-u" + utterances++;
        segment = id;
        track.push(id, utterance.audio());
        track.endSegment(id);
    }

    /** Waits until the agent's track is subscribed and being read. */
    void awaitAgent(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            agentHeard.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    boolean isConnected() {
        return room.isConnected();
    }

    private void listen(RemoteAudioTrack remote) {
        if (!listening.compareAndSet(false, true)) {
            return;
        }
        AudioStream stream = remote.stream(LISTEN_RATE, 1);
        Thread.ofVirtual().name("hear-" + roomName).start(() -> {
            try {
                for (AudioFrame frame = stream.read(); frame != null; frame = stream.read()) {
                    agentFrame(frame);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        agentHeard.complete(null);
    }

    @Override
    public void close() {
        room.disconnect();
    }
}
