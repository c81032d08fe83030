package dev.sofia.agents.livekit;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import livekit.LivekitModels.ParticipantInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The remote participants and their subscribed tracks, kept from the server's participant updates
 * and the subscriber connection's tracks, turned into {@link RoomEvent}s.
 *
 * <p>Threading: mutated only on the room's engine thread; the participant map is concurrent so any
 * thread may read it. Media and participant info race (a track may arrive before the update that
 * names its participant), so unknown tracks wait in {@code pendingTracks} until the info arrives.
 */
final class Participants {

    private static final Logger log = LoggerFactory.getLogger(Participants.class);

    private final Map<String, RemoteParticipant> bySid = new ConcurrentHashMap<>();
    private final Map<String, AudioTrack> pendingTracks = new HashMap<>();
    private final EventDispatcher events;
    private final Consumer<RemoteParticipant> onLeft;

    /** {@code onLeft} runs on the engine thread before the disconnect event is emitted. */
    Participants(EventDispatcher events, Consumer<RemoteParticipant> onLeft) {
        this.events = events;
        this.onLeft = onLeft;
    }

    Map<String, RemoteParticipant> byIdentity() {
        Map<String, RemoteParticipant> result = new HashMap<>();
        for (RemoteParticipant p : bySid.values()) {
            result.put(p.identity(), p);
        }
        return Map.copyOf(result);
    }

    /** Those present when we joined: known, but not announced as newly connected. */
    void addInitial(List<ParticipantInfo> infos) {
        for (ParticipantInfo info : infos) {
            if (info.getState() != ParticipantInfo.State.DISCONNECTED) {
                bySid.put(info.getSid(), new RemoteParticipant(info));
            }
        }
    }

    void apply(ParticipantInfo info) {
        RemoteParticipant existing = bySid.get(info.getSid());
        if (info.getState() == ParticipantInfo.State.DISCONNECTED) {
            if (existing != null) {
                bySid.remove(info.getSid());
                unsubscribeAll(existing);
                onLeft.accept(existing);
                events.emit(new RoomEvent.ParticipantDisconnected(existing));
            }
            return;
        }
        if (existing == null) {
            RemoteParticipant joined = new RemoteParticipant(info);
            bySid.put(info.getSid(), joined);
            events.emit(new RoomEvent.ParticipantConnected(joined));
            attachPending(joined);
            return;
        }
        // Updates can overtake each other; a lower version is stale news.
        if (info.getVersion() != 0 && info.getVersion() < existing.info().getVersion()) {
            return;
        }
        Map<String, String> changed = changedAttributes(existing.attributes(), info.getAttributesMap());
        existing.update(info);
        if (!changed.isEmpty()) {
            events.emit(new RoomEvent.AttributesChanged(existing.identity(), changed));
        }
        Set<String> published = existing.publishedTrackSids();
        for (RemoteAudioTrack track : existing.audioTracks()) {
            if (!published.contains(track.sid())) {
                unsubscribe(existing, track.sid());
            }
        }
        attachPending(existing);
    }

    /**
     * A track arrived on the subscriber connection. LiveKit sets libwebrtc's track id to the track
     * sid, which the owner's participant info lists; the info may still be on its way.
     */
    void trackAdded(AudioTrack track, String trackSid) {
        for (RemoteParticipant participant : bySid.values()) {
            if (participant.publishedTrackSids().contains(trackSid)) {
                subscribe(participant, trackSid, track);
                return;
            }
        }
        // Normal only for a moment: the participant info naming this track is on its way.
        log.debug("track {} waits for its participant's info", trackSid);
        pendingTracks.put(trackSid, track);
    }

    void trackRemoved(String trackSid) {
        pendingTracks.remove(trackSid);
        for (RemoteParticipant participant : bySid.values()) {
            unsubscribe(participant, trackSid);
        }
    }

    /**
     * Full reconnect, before the subscriber connection goes away: every subscribed track ends,
     * with {@link RoomEvent.TrackUnsubscribed}; the participants stay.
     */
    void unsubscribeAllForRejoin() {
        for (RemoteParticipant participant : bySid.values()) {
            unsubscribeAll(participant);
        }
        pendingTracks.clear();
    }

    /**
     * Full reconnect: the new join response's participants. Those we knew stay the same objects
     * (matched by identity; their sid may be new if they rejoined too), those gone are announced as
     * disconnected, newcomers as connected.
     */
    void rejoined(List<ParticipantInfo> infos) {
        Map<String, RemoteParticipant> byIdentity = new HashMap<>();
        for (RemoteParticipant p : bySid.values()) {
            byIdentity.put(p.identity(), p);
        }
        Map<String, RemoteParticipant> next = new HashMap<>();
        for (ParticipantInfo info : infos) {
            if (info.getState() == ParticipantInfo.State.DISCONNECTED) {
                continue;
            }
            RemoteParticipant known = byIdentity.remove(info.getIdentity());
            if (known == null) {
                RemoteParticipant joined = new RemoteParticipant(info);
                next.put(info.getSid(), joined);
                events.emit(new RoomEvent.ParticipantConnected(joined));
            } else {
                Map<String, String> changed = changedAttributes(known.attributes(), info.getAttributesMap());
                known.update(info);
                next.put(info.getSid(), known);
                if (!changed.isEmpty()) {
                    events.emit(new RoomEvent.AttributesChanged(known.identity(), changed));
                }
            }
        }
        bySid.clear();
        bySid.putAll(next);
        for (RemoteParticipant gone : byIdentity.values()) {
            unsubscribeAll(gone);
            onLeft.accept(gone);
            events.emit(new RoomEvent.ParticipantDisconnected(gone));
        }
    }

    /** Ends every track's streams (before the peer connection goes away); no events. */
    void endAll() {
        for (RemoteParticipant participant : bySid.values()) {
            for (RemoteAudioTrack track : participant.removeAllSubscribed()) {
                track.end();
            }
        }
        pendingTracks.clear();
    }

    private void attachPending(RemoteParticipant participant) {
        for (String sid : participant.publishedTrackSids()) {
            AudioTrack track = pendingTracks.remove(sid);
            if (track != null) {
                subscribe(participant, sid, track);
            }
        }
    }

    private void subscribe(RemoteParticipant participant, String trackSid, AudioTrack track) {
        RemoteAudioTrack subscribed = new RemoteAudioTrack(trackSid, participant.identity(), track);
        RemoteAudioTrack replaced = participant.removeSubscribed(trackSid);
        if (replaced != null) {
            replaced.end();
        }
        participant.addSubscribed(subscribed);
        events.emit(new RoomEvent.TrackSubscribed(subscribed, participant));
    }

    private void unsubscribe(RemoteParticipant participant, String trackSid) {
        RemoteAudioTrack track = participant.removeSubscribed(trackSid);
        if (track != null) {
            track.end();
            events.emit(new RoomEvent.TrackUnsubscribed(track, participant));
        }
    }

    private void unsubscribeAll(RemoteParticipant participant) {
        for (RemoteAudioTrack track : participant.audioTracks()) {
            unsubscribe(participant, track.sid());
        }
    }

    /** The keys whose value differs, with the new value ("" for a removed key). */
    static Map<String, String> changedAttributes(Map<String, String> before, Map<String, String> after) {
        Map<String, String> changed = new HashMap<>();
        after.forEach((key, value) -> {
            if (!Objects.equals(before.get(key), value)) {
                changed.put(key, value);
            }
        });
        before.keySet().forEach(key -> {
            if (!after.containsKey(key)) {
                changed.put(key, "");
            }
        });
        return changed;
    }
}
