package dev.sofia.bench;

import dev.sofia.livekit.local.LiveKitServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Conversations through livekit-server with one of the two workers: for each, a fresh room, the
 * caller joins first ({@link VoiceRoomCaller}), then a dispatch sends the worker's agent there with
 * the fake providers in the job's metadata; a conversation is ready once the caller receives the
 * agent's track. Closing deletes the rooms (which ends the jobs) and disconnects the callers.
 */
final class VoiceRooms implements AutoCloseable {

    static final Duration AGENT_TIMEOUT = Duration.ofSeconds(90);
    private static final int JOIN_PARALLELISM = 4;

    final String agentName;
    final List<VoiceRoomCaller> callers = new ArrayList<>();
    /** Conversations that could not be set up (caller join, dispatch or the agent's track). */
    int failed;

    private final WorkersLiveKit liveKit;
    private final List<String> rooms = new ArrayList<>();

    private VoiceRooms(WorkersLiveKit liveKit, String agentName) {
        this.liveKit = liveKit;
        this.agentName = agentName;
    }

    /** Sets up {@code count} conversations, {@link #JOIN_PARALLELISM} at a time. */
    static VoiceRooms open(
            WorkersLiveKit liveKit,
            LiveKitServerConfig server,
            String url,
            String agentName,
            String prefix,
            int count,
            String metadata)
            throws InterruptedException {
        VoiceRooms opened = new VoiceRooms(liveKit, agentName);
        List<Future<VoiceRoomCaller>> joins = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(
                JOIN_PARALLELISM, Thread.ofVirtual().factory())) {
            for (int i = 0; i < count; i++) {
                String room = "%s-%s-%03d".formatted(prefix, agentName, i);
                opened.rooms.add(room);
                joins.add(pool.submit(() -> {
                    VoiceRoomCaller caller = VoiceRoomCaller.join(
                            room,
                            url,
                            RoomsSide.token(server.apiKey(), server.apiSecret(), room, VoiceRoomCaller.IDENTITY));
                    try {
                        liveKit.createDispatch(room, agentName, metadata);
                        caller.awaitAgent(AGENT_TIMEOUT);
                        return caller;
                    } catch (Exception e) {
                        caller.close();
                        throw e;
                    }
                }));
            }
            for (Future<VoiceRoomCaller> join : joins) {
                try {
                    opened.callers.add(join.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    opened.failed++;
                    System.err.println("a conversation with " + agentName + " failed: " + e.getCause());
                }
            }
        }
        return opened;
    }

    /**
     * Every caller runs its turns at once, spread evenly over the period; returns when all are done.
     */
    VoiceTurns.Outcome talk(
            List<VoiceSpeech.Utterance> utterances,
            int warmup,
            int turnsEach,
            Duration period,
            VoiceTurns.Outcome outcome)
            throws InterruptedException {
        long start = System.nanoTime() + 500_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers.size(); i++) {
            VoiceRoomCaller caller = callers.get(i);
            Duration phase = period.multipliedBy(i).dividedBy(callers.size());
            threads.add(Thread.ofVirtual().name("turns-" + caller.roomName).start(() -> {
                try {
                    VoiceTurns.run(caller, utterances, warmup, turnsEach, start, phase, period, outcome);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        return outcome;
    }

    @Override
    public void close() {
        for (String room : rooms) {
            try {
                liveKit.deleteRoom(room);
            } catch (RuntimeException e) {
                // never created, or gone already
            }
        }
        callers.forEach(VoiceRoomCaller::close);
    }
}
