package dev.sofia.agents.livekit;

import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import livekit.LivekitModels.AudioTrackFeature;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.TrackInfo;
import livekit.LivekitModels.TrackSource;
import livekit.LivekitModels.TrackType;
import livekit.LivekitRtc.AddTrackRequest;
import livekit.LivekitRtc.RequestResponse;
import livekit.LivekitRtc.SignalRequest;
import livekit.LivekitRtc.TrackPublishedResponse;
import livekit.LivekitRtc.UpdateParticipantMetadata;
import org.jspecify.annotations.Nullable;

/**
 * Us in the room: our identity, attributes and published audio tracks.
 *
 * <p>Methods that talk to the server ({@link #publishAudio}, {@link #setAttributes}) may be called
 * from any thread except the room's event and engine threads, since they wait for the server.
 */
public final class LocalParticipant {

    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(10);

    private final RtcEngine engine;
    private final WebRtcStack stack;
    private final Map<String, CompletableFuture<TrackInfo>> pendingPublications = new ConcurrentHashMap<>();
    private final List<LocalAudioTrack> tracks = new CopyOnWriteArrayList<>();
    /** Tracks whose publication failed: never on a peer connection, freed with the others. */
    private final List<AbandonedTrack> abandonedTracks = new CopyOnWriteArrayList<>();

    private final Map<String, TrackPublishedResponse> publishedTracks = new ConcurrentHashMap<>();
    private final AtomicInteger requestIds = new AtomicInteger();
    private volatile ParticipantInfo info;

    LocalParticipant(ParticipantInfo info, RtcEngine engine, WebRtcStack stack) {
        this.info = info;
        this.engine = engine;
        this.stack = stack;
    }

    public String identity() {
        return info.getIdentity();
    }

    public String sid() {
        return info.getSid();
    }

    public String name() {
        return info.getName();
    }

    public Map<String, String> attributes() {
        return info.getAttributesMap();
    }

    public List<LocalAudioTrack> audioTracks() {
        return List.copyOf(tracks);
    }

    /**
     * Publishes a microphone track fed from PCM at {@code sampleRate} Hz and 1 or 2 channels
     * (libwebrtc encodes Opus at 48 kHz and resamples as needed). Waits until the server accepted
     * the track; media flows once the renegotiation that follows completes.
     */
    public LocalAudioTrack publishAudio(String name, int sampleRate, int channels) {
        String cid = "TR_local_" + UUID.randomUUID();
        CustomAudioSource source = new CustomAudioSource();
        AudioTrack track = stack.factory().createAudioTrack(cid, source);
        TrackInfo trackInfo;
        try {
            trackInfo = requestPublication(cid, name, channels);
        } catch (RoomException e) {
            // Freed with the room's other tracks, after the peer connections close.
            abandonedTracks.add(new AbandonedTrack(track, source));
            throw e;
        }
        LocalAudioTrack local =
                new LocalAudioTrack(cid, trackInfo.getSid(), name, sampleRate, channels, source, track, stack, this);
        tracks.add(local);
        RTCRtpSender sender = await(engine.call(() -> engine.addTrack(track, sid() + "|" + cid)), "add track");
        local.startPlayout(sender);
        return local;
    }

    /** Sends AddTrack and waits for the server's track_published; remembers it for a resume. */
    private TrackInfo requestPublication(String cid, String name, int channels) {
        CompletableFuture<TrackInfo> published = new CompletableFuture<>();
        pendingPublications.put(cid, published);
        engine.send(SignalRequest.newBuilder()
                .setAddTrack(AddTrackRequest.newBuilder()
                        .setCid(cid)
                        .setName(name)
                        .setType(TrackType.AUDIO)
                        .setSource(TrackSource.MICROPHONE)
                        // Speech from TTS has pauses; DTX would clip their edges on some clients.
                        .addAudioFeatures(AudioTrackFeature.TF_NO_DTX)
                        .setStereo(channels == 2))
                .build());
        TrackInfo trackInfo;
        try {
            trackInfo = published.get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pendingPublications.remove(cid);
            throw new RoomException("interrupted while publishing audio track " + name, e);
        } catch (ExecutionException | TimeoutException e) {
            pendingPublications.remove(cid);
            throw new RoomException("server did not accept audio track " + name + ": " + describe(e), e);
        }
        publishedTracks.put(
                cid,
                TrackPublishedResponse.newBuilder()
                        .setCid(cid)
                        .setTrack(trackInfo)
                        .build());
        return trackInfo;
    }

    /**
     * Full reconnect, engine thread, after the old peer connections were closed and released: frees
     * the old senders and fails what waited for the old session. Tracks keep playing out.
     */
    void detachForRejoin() {
        for (LocalAudioTrack track : tracks) {
            track.releaseSender();
        }
        publishedTracks.clear();
        RoomException rejoining = new RoomException("the room is reconnecting (full rejoin)");
        pendingPublications.values().forEach(f -> f.completeExceptionally(rejoining));
        pendingPublications.clear();
        pendingUpdates.values().forEach(p -> p.done().completeExceptionally(rejoining));
    }

    /**
     * Full reconnect, engine thread: we joined afresh (a new participant sid). Returns what to send
     * again so the attributes and metadata we had set survive the rejoin (null if nothing).
     */
    @Nullable
    UpdateParticipantMetadata rejoined(ParticipantInfo newer) {
        ParticipantInfo before = info;
        info = newer;
        UpdateParticipantMetadata.Builder restore = UpdateParticipantMetadata.newBuilder();
        Participants.changedAttributes(newer.getAttributesMap(), before.getAttributesMap())
                .forEach(restore::putAttributes);
        // An empty metadata means "unchanged" to the server, so a cleared one cannot be restored.
        if (!before.getMetadata().isEmpty() && !before.getMetadata().equals(newer.getMetadata())) {
            restore.setMetadata(before.getMetadata());
        }
        if (restore.getAttributesCount() == 0 && restore.getMetadata().isEmpty()) {
            return null;
        }
        return restore.setRequestId(requestIds.incrementAndGet()).build();
    }

    /**
     * Full reconnect, on the reconnecting thread (it waits for the server): publishes every track
     * that was published again on the new publisher, with the same client id, so its pacer, buffer
     * and source carry on; each gets a new server sid.
     */
    void republishAll() {
        for (LocalAudioTrack track : tracks) {
            if (track.isEnded()) {
                continue;
            }
            TrackInfo trackInfo = requestPublication(track.cid(), track.name(), track.channels());
            RTCRtpSender sender = await(
                    engine.call(() -> engine.addTrack(track.webRtcTrack(), sid() + "|" + track.cid())), "add track");
            track.republished(trackInfo.getSid(), sender);
        }
    }

    void unpublish(LocalAudioTrack track) {
        if (track.isEnded()) {
            return;
        }
        track.stopPlayout();
        publishedTracks.remove(track.cid());
        RTCRtpSender sender = track.sender();
        if (sender != null) {
            await(
                    engine.call(() -> {
                        engine.removeTrack(sender);
                        return null;
                    }),
                    "remove track");
        }
    }

    /**
     * Sets attributes (an empty value deletes a key); needs the canUpdateOwnMetadata grant.
     * Completes when the server confirms by sending our updated participant info.
     */
    public CompletableFuture<Void> setAttributes(Map<String, String> attributes) {
        return updateMetadata(UpdateParticipantMetadata.newBuilder().putAllAttributes(attributes));
    }

    public CompletableFuture<Void> setMetadata(String metadata) {
        return updateMetadata(UpdateParticipantMetadata.newBuilder().setMetadata(metadata));
    }

    private final Map<Integer, PendingUpdate> pendingUpdates = new ConcurrentHashMap<>();

    private record PendingUpdate(UpdateParticipantMetadata request, CompletableFuture<Void> done) {}

    private CompletableFuture<Void> updateMetadata(UpdateParticipantMetadata.Builder builder) {
        int requestId = requestIds.incrementAndGet();
        UpdateParticipantMetadata request = builder.setRequestId(requestId).build();
        CompletableFuture<Void> done = new CompletableFuture<>();
        pendingUpdates.put(requestId, new PendingUpdate(request, done));
        engine.send(SignalRequest.newBuilder().setUpdateMetadata(request).build());
        return done.orTimeout(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ok, error) -> pendingUpdates.remove(requestId));
    }

    /** Engine thread: our own participant info changed; returns the changed attributes. */
    Map<String, String> update(ParticipantInfo newer) {
        Map<String, String> changed = Participants.changedAttributes(info.getAttributesMap(), newer.getAttributesMap());
        info = newer;
        pendingUpdates.values().removeIf(pending -> {
            if (isApplied(pending.request(), newer)) {
                pending.done().complete(null);
                return true;
            }
            return false;
        });
        return changed;
    }

    private static boolean isApplied(UpdateParticipantMetadata request, ParticipantInfo info) {
        Map<String, String> current = new HashMap<>(info.getAttributesMap());
        for (Map.Entry<String, String> wanted : request.getAttributesMap().entrySet()) {
            String now = current.getOrDefault(wanted.getKey(), "");
            if (!now.equals(wanted.getValue())) {
                return false;
            }
        }
        return request.getMetadata().isEmpty() || request.getMetadata().equals(info.getMetadata());
    }

    /** Our published tracks, as a session resume reports them to the server. */
    List<TrackPublishedResponse> publishedTracks() {
        return List.copyOf(publishedTracks.values());
    }

    /** Engine thread. */
    void onTrackPublished(TrackPublishedResponse response) {
        CompletableFuture<TrackInfo> pending = pendingPublications.remove(response.getCid());
        if (pending != null) {
            pending.complete(response.getTrack());
        }
    }

    /** Engine thread: the server refused a request of ours. */
    void onRequestResponse(RequestResponse response) {
        if (response.getReason() == RequestResponse.Reason.OK) {
            return;
        }
        RoomException error =
                new RoomException("server refused request: " + response.getReason() + " " + response.getMessage());
        if (response.hasAddTrack()) {
            CompletableFuture<TrackInfo> pending =
                    pendingPublications.remove(response.getAddTrack().getCid());
            if (pending != null) {
                pending.completeExceptionally(error);
            }
        }
        PendingUpdate update = pendingUpdates.remove(response.getRequestId());
        if (update != null) {
            update.done().completeExceptionally(error);
        }
    }

    /** Engine thread, room closing: stop every pacer before the peer connection closes. */
    void stopAll() {
        for (LocalAudioTrack track : tracks) {
            track.stopPlayout();
        }
        RoomException closed = new RoomException("room closed");
        pendingPublications.values().forEach(f -> f.completeExceptionally(closed));
        pendingUpdates.values().forEach(p -> p.done().completeExceptionally(closed));
    }

    /** After the peer connections were closed and released: free senders, tracks and sources. */
    void disposeAll() {
        for (LocalAudioTrack track : tracks) {
            track.releaseNative();
        }
        tracks.clear();
        for (AbandonedTrack abandoned : abandonedTracks) {
            LocalAudioTrack.releaseTrackAndSource(abandoned.track(), abandoned.source());
        }
        abandonedTracks.clear();
    }

    private record AbandonedTrack(AudioTrack track, CustomAudioSource source) {}

    private static <T> T await(CompletableFuture<T> future, String what) {
        try {
            return future.get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoomException("interrupted during " + what, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new RoomException(what + " failed: " + describe(e), e);
        }
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.toString();
    }
}
