package dev.sofia.agents.livekit;

import java.util.Map;
import livekit.LivekitModels.DisconnectReason;

/**
 * What happened in a room, delivered to {@link Room#addListener listeners} in order on the room's
 * event thread (never on a libwebrtc thread, so listeners may block briefly, though a slow listener
 * delays the events after it).
 */
public sealed interface RoomEvent {

    /** A remote participant joined after we connected (those present at join are not announced). */
    record ParticipantConnected(RemoteParticipant participant) implements RoomEvent {}

    /** A remote participant left; its tracks were unsubscribed first. */
    record ParticipantDisconnected(RemoteParticipant participant) implements RoomEvent {}

    /** Media of a remote track now flows; open {@link RemoteAudioTrack#stream} to hear it. */
    record TrackSubscribed(RemoteAudioTrack track, RemoteParticipant participant) implements RoomEvent {}

    /** A remote track stopped (unpublished, participant left or room closed); its streams ended. */
    record TrackUnsubscribed(RemoteAudioTrack track, RemoteParticipant participant) implements RoomEvent {}

    /**
     * Attributes of a participant (remote or local) changed.
     *
     * @param changed the new values of the changed keys; a removed key maps to ""
     */
    record AttributesChanged(String participantIdentity, Map<String, String> changed) implements RoomEvent {
        public AttributesChanged {
            changed = Map.copyOf(changed);
        }
    }

    /**
     * A user data packet arrived (as {@link Room#data()} listeners also see it); streams, RPC and
     * DTMF are on {@link Room#data()}.
     */
    record DataReceived(dev.sofia.agents.livekit.data.DataReceived data) implements RoomEvent {}

    /**
     * The connection to the server was lost (or the server asked us to reconnect) and is being
     * re-established; {@link Reconnected} or {@link Disconnected} follows.
     */
    record Reconnecting() implements RoomEvent {}

    /**
     * The connection was re-established.
     *
     * @param rejoined false after a session resume: participants, subscriptions and published
     *     tracks carried on unchanged. True after a full reconnect: we joined the room afresh under
     *     a new participant sid; the {@code Room}, {@code LocalParticipant}, {@code
     *     RemoteParticipant} and {@code LocalAudioTrack} objects stay valid (our tracks were
     *     published again, with new sids, and keep playing out), but remote tracks were
     *     unsubscribed before ({@link TrackUnsubscribed}) and are subscribed anew ({@link
     *     TrackSubscribed}): open new streams on those
     */
    record Reconnected(boolean rejoined) implements RoomEvent {}

    /** The room is closed and every resource released; always the last event. */
    record Disconnected(DisconnectReason reason) implements RoomEvent {}
}
