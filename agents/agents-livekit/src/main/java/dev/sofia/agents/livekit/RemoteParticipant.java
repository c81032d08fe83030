package dev.sofia.agents.livekit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackInfo;

/**
 * Another participant in the room as the server last described it. Fields are snapshots: read
 * them any time from any thread; they change when the server sends an update.
 */
public final class RemoteParticipant {

    private volatile ParticipantInfo info;
    private final Map<String, RemoteAudioTrack> subscribed = new ConcurrentHashMap<>();

    RemoteParticipant(ParticipantInfo info) {
        this.info = info;
    }

    /** The server's participant id ({@code PA_…}). */
    public String sid() {
        return info.getSid();
    }

    public String identity() {
        return info.getIdentity();
    }

    public String name() {
        return info.getName();
    }

    public String metadata() {
        return info.getMetadata();
    }

    /** STANDARD, INGRESS, EGRESS, SIP or AGENT. */
    public ParticipantInfo.Kind kind() {
        return info.getKind();
    }

    public Map<String, String> attributes() {
        return info.getAttributesMap();
    }

    /** The tracks the participant publishes, subscribed or not. */
    public List<TrackInfo> publishedTracks() {
        return info.getTracksList();
    }

    /** The audio tracks whose media we currently receive. */
    public List<RemoteAudioTrack> audioTracks() {
        return List.copyOf(subscribed.values());
    }

    ParticipantInfo info() {
        return info;
    }

    void update(ParticipantInfo newer) {
        this.info = newer;
    }

    Set<String> publishedTrackSids() {
        return info.getTracksList().stream().map(TrackInfo::getSid).collect(Collectors.toSet());
    }

    void addSubscribed(RemoteAudioTrack track) {
        subscribed.put(track.sid(), track);
    }

    RemoteAudioTrack removeSubscribed(String trackSid) {
        return subscribed.remove(trackSid);
    }

    List<RemoteAudioTrack> removeAllSubscribed() {
        List<RemoteAudioTrack> all = List.copyOf(subscribed.values());
        subscribed.clear();
        return all;
    }

    @Override
    public String toString() {
        return "RemoteParticipant[" + identity() + " " + sid() + "]";
    }
}
