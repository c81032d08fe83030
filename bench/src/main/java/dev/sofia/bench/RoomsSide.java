package dev.sofia.bench;

import dev.sofia.agents.audio.AudioFrame;
import dev.sofia.agents.audio.AudioLevels;
import dev.sofia.agents.audio.Goertzel;
import dev.sofia.agents.audio.ToneGenerator;
import dev.sofia.agents.livekit.AudioStream;
import dev.sofia.agents.livekit.LocalAudioTrack;
import dev.sofia.agents.livekit.RemoteAudioTrack;
import dev.sofia.agents.livekit.Room;
import dev.sofia.agents.livekit.RoomEvent;
import dev.sofia.agents.livekit.RoomOptions;
import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanSubscribe;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One side of the rooms benchmark (the agent side in the measured JVM, or the callers in the other
 * JVM): its rooms, each publishing a tone in short bursts with silence between, as turns of speech,
 * and listening for the other side's tone.
 *
 * <p>Every {@link #PERIOD} each room pushes {@link #TONE} of its tone into its {@link
 * LocalAudioTrack} as one burst, as TTS would, and notes the instant; the track's pacer then hands
 * libwebrtc one 10 ms frame every 10 ms (silence between the bursts). A listening room reads the
 * other side's track as 16 kHz mono 10 ms frames on a virtual thread, as an agent feeding
 * speech-to-text would, and runs an {@link OnsetDetector} on every frame; it notes the instant each
 * onset of the other side's tone is detected. Instants are wall-clock microseconds ({@link
 * #nowMicros()}), comparable between the two JVMs on one host.
 */
final class RoomsSide implements AutoCloseable {

    static final int PUBLISH_RATE = 48_000;
    static final int LISTEN_RATE = 16_000;
    static final Duration PERIOD = Duration.ofMillis(500);
    static final Duration TONE = Duration.ofMillis(200);
    static final double AGENT_HZ = 660;
    static final double CALLER_HZ = 440;
    static final double AMPLITUDE = 0.3;
    static final Duration SUBSCRIBE_TIMEOUT = Duration.ofSeconds(30);

    /** Offline loopback: no public STUN servers. */
    static final RoomOptions OPTIONS = RoomOptions.defaults().withServerIceServers(false);

    private final String url;
    private final String identity;
    private final double listenHz;
    private final AudioFrame burst;
    private final ScheduledExecutorService speaker;
    private final List<SideRoom> rooms = new CopyOnWriteArrayList<>();

    RoomsSide(String url, String identity, double speakHz, double listenHz) {
        this.url = url;
        this.identity = identity;
        this.listenHz = listenHz;
        this.burst = new ToneGenerator(speakHz, AMPLITUDE, PUBLISH_RATE, 1)
                .next((int) (PUBLISH_RATE * TONE.toMillis() / 1000));
        // One platform thread pushes every room's bursts; a push only queues audio.
        this.speaker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(identity + "-speaker").daemon().factory());
    }

    /** A join token for this side's identity (HS256, signed by the SDK's {@code AccessToken}). */
    static String token(String apiKey, String apiSecret, String room, String identity) {
        AccessToken token = new AccessToken(apiKey, apiSecret);
        token.setIdentity(identity);
        token.setTtl(Duration.ofHours(2).toMillis());
        token.addGrants(new RoomJoin(true), new RoomName(room), new CanPublish(true), new CanSubscribe(true));
        return token.toJwt();
    }

    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }

    /**
     * Joins a room, publishes this side's track and starts speaking at {@code phase} within the
     * period; listens to the other side's track (with onset detection if {@code detect}).
     */
    SideRoom join(String room, String token, boolean detect, Duration phase) {
        return join(room, token, detect, phase, true);
    }

    /** As above; without {@code listen} the room subscribes to nothing (a caller that only talks). */
    SideRoom join(String room, String token, boolean detect, Duration phase, boolean listen) {
        SideRoom side = new SideRoom(room, detect);
        // The listener is in place before the join, so a track already published is not missed.
        Room connected = Room.connect(url, token, OPTIONS.withAutoSubscribe(listen), event -> {
            if (event instanceof RoomEvent.TrackSubscribed subscribed) {
                side.listen(subscribed.track());
            }
        });
        side.room = connected;
        try {
            side.track = connected.localParticipant().publishAudio(identity + "-voice", PUBLISH_RATE, 1);
            side.speaking =
                    speaker.scheduleAtFixedRate(side::speak, phase.toNanos(), PERIOD.toNanos(), TimeUnit.NANOSECONDS);
            rooms.add(side);
            return side;
        } catch (RuntimeException e) {
            connected.disconnect();
            throw e;
        }
    }

    List<SideRoom> rooms() {
        return List.copyOf(rooms);
    }

    /** Sums over all rooms, read at one instant. */
    Counters counters() {
        long frames = 0;
        long dropped = 0;
        long late = 0;
        long filled = 0;
        long skipped = 0;
        for (SideRoom room : rooms) {
            frames += room.frames.get();
            AudioStream stream = room.stream;
            dropped += stream == null ? 0 : stream.droppedFrames();
            LocalAudioTrack track = room.track;
            late += track == null ? 0 : track.latePlayoutTicks();
            filled += track == null ? 0 : track.filledPlayoutTicks();
            skipped += track == null ? 0 : track.skippedPlayoutTicks();
        }
        return new Counters(rooms.size(), frames, dropped, late, filled, skipped);
    }

    /** Leaves every room, in parallel. */
    @Override
    public void close() {
        speaker.shutdownNow();
        List<Thread> leaving = new ArrayList<>();
        for (SideRoom room : rooms) {
            leaving.add(Thread.ofVirtual().start(room::close));
        }
        for (Thread thread : leaving) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        rooms.clear();
    }

    record Counters(
            int rooms,
            long framesReceived,
            long droppedFrames,
            long latePlayoutTicks,
            long filledPlayoutTicks,
            long skippedPlayoutTicks) {
        Counters minus(Counters start) {
            return new Counters(
                    rooms,
                    framesReceived - start.framesReceived,
                    droppedFrames - start.droppedFrames,
                    latePlayoutTicks - start.latePlayoutTicks,
                    filledPlayoutTicks - start.filledPlayoutTicks,
                    skippedPlayoutTicks - start.skippedPlayoutTicks);
        }
    }

    /** One room of this side. */
    final class SideRoom {
        final String name;
        final boolean detect;
        volatile Room room;
        final AtomicLong frames = new AtomicLong();
        final Instants spoke = new Instants();
        final Instants heard = new Instants();
        final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        private final AtomicBoolean listening = new AtomicBoolean();
        volatile LocalAudioTrack track;
        volatile AudioStream stream;
        private volatile ScheduledFuture<?> speaking;
        private long utterances;

        SideRoom(String name, boolean detect) {
            this.name = name;
            this.detect = detect;
        }

        /** Waits until the other side's track is subscribed. */
        void awaitSubscribed() {
            try {
                subscribed.get(SUBSCRIBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(
                        "no remote audio in " + name + " within " + SUBSCRIBE_TIMEOUT.toSeconds() + " s", e);
            }
        }

        private void listen(RemoteAudioTrack remote) {
            if (!listening.compareAndSet(false, true)) {
                return;
            }
            AudioStream opened = remote.stream(LISTEN_RATE, 1);
            stream = opened;
            Thread.ofVirtual().name("listen-" + name).start(() -> read(opened));
            subscribed.complete(null);
        }

        private void read(AudioStream from) {
            OnsetDetector detector = new OnsetDetector(listenHz);
            try {
                for (AudioFrame frame = from.read(); frame != null; frame = from.read()) {
                    frames.incrementAndGet();
                    if (detector.accept(frame) && detect) {
                        heard.add(nowMicros());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Speaker thread: one utterance, pushed at once. */
        private void speak() {
            LocalAudioTrack out = track;
            if (out == null || out.isEnded()) {
                return;
            }
            String segment = "u" + utterances++;
            long at = nowMicros();
            out.push(segment, burst);
            out.endSegment(segment);
            spoke.add(at);
        }

        void close() {
            ScheduledFuture<?> s = speaking;
            if (s != null) {
                s.cancel(false);
            }
            room.disconnect();
        }
    }

    /** Wall-clock instants in microseconds; safe from any thread. */
    static final class Instants {
        private long[] values = new long[64];
        private int size;

        synchronized void add(long micros) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = micros;
        }

        /** The instants at or after {@code fromMicros}, in order. */
        synchronized long[] since(long fromMicros) {
            int first = 0;
            while (first < size && values[first] < fromMicros) {
                first++;
            }
            return Arrays.copyOfRange(values, first, size);
        }
    }

    /**
     * Detects when a tone starts after silence, frame by frame: a frame counts as tone when the last
     * 20 ms (this frame and the one before) are above -40 dBFS and more than half of their energy is
     * at the frequency ({@link Goertzel}); an onset is the first tone frame after at least five
     * frames (50 ms) without. Needs roughly 10 ms of tone in the window, so it reports an onset 10 to
     * 20 ms after it arrives (see {@link RoomsBenchmark#detectorDelays()}).
     */
    static final class OnsetDetector {
        static final double MIN_RMS = 0.01;
        static final int QUIET_FRAMES = 5;

        private final double frequency;
        private AudioFrame previous;
        private int quiet = QUIET_FRAMES;

        OnsetDetector(double frequency) {
            this.frequency = frequency;
        }

        /** Whether a tone onset is detected at the end of this frame. */
        boolean accept(AudioFrame frame) {
            boolean tone = false;
            if (previous != null) {
                AudioFrame window = AudioFrame.concat(List.of(previous, frame));
                tone = AudioLevels.rms(window) > MIN_RMS
                        && Goertzel.detects(window, frequency, Goertzel.DEFAULT_THRESHOLD);
            }
            previous = frame;
            if (tone) {
                boolean onset = quiet >= QUIET_FRAMES;
                quiet = 0;
                return onset;
            }
            quiet++;
            return false;
        }
    }
}
