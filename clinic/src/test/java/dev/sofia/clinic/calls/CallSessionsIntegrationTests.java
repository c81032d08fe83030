package dev.sofia.clinic.calls;

import static dev.sofia.clinic.calls.Webhooks.caller;
import static dev.sofia.clinic.calls.Webhooks.event;
import static dev.sofia.clinic.calls.Webhooks.leaving;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.livekit.LiveKitClients;
import dev.sofia.clinic.livekit.LiveKitConnection;
import dev.sofia.clinic.livekit.LiveKitWebhookReceived;
import dev.sofia.clinic.practice.PracticeCatalog;
import dev.sofia.clinic.support.ClinicIntegrationTest;
import dev.sofia.clinic.support.TestClock;
import dev.sofia.livekit.local.FreePorts;
import io.livekit.server.RoomServiceClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import livekit.LivekitModels.DisconnectReason;
import livekit.LivekitWebhook.WebhookEvent;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Call sessions against the shared app's database and its local livekit-server: the sweeper, the
 * domain events, and a web session opened after its room's webhook already arrived.
 */
@ClinicIntegrationTest
class CallSessionsIntegrationTests {

    @Autowired
    CallSessions sessions;

    @Autowired
    CallSweeper sweeper;

    @Autowired
    LiveKitClients liveKit;

    @Autowired
    LiveKitConnection connection;

    @Autowired
    PracticeCatalog catalog;

    @Autowired
    TestClock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    final List<String> liveRooms = new ArrayList<>();
    Instant now;

    @BeforeEach
    void setUp() {
        clock.reset();
        jdbc.sql("truncate call_events, call_sessions cascade").update();
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(now);
    }

    @AfterEach
    void deleteRooms() {
        clock.reset();
        for (String room : liveRooms) {
            LiveKitClients.execute("delete room", liveKit.rooms().deleteRoom(room));
        }
    }

    @Test
    void theSweeperClosesOpenSessionsWhoseRoomIsGoneAndKeepsTheRest() {
        CallSession goneRinging = openAt(now.minus(Duration.ofMinutes(10)), "web-gone-" + UUID.randomUUID());
        CallSession goneActive = openAt(now.minus(Duration.ofMinutes(10)), "web-gone-" + UUID.randomUUID());
        jdbc.sql("update call_sessions set status = 'active', answered_at = ? where id = ?")
                .params(CallSessions.utc(now.minus(Duration.ofMinutes(9))), goneActive.id())
                .update();
        CallSession live = openAt(now.minus(Duration.ofMinutes(10)), "web-live-" + UUID.randomUUID());
        createRoom(live.roomName());
        // Within the grace period: its room may still be being set up.
        CallSession fresh = openAt(now.minusSeconds(30), "web-fresh-" + UUID.randomUUID());

        sweeper.sweep();

        CallSession ringingAfter = sessions.find(goneRinging.id()).orElseThrow();
        assertThat(ringingAfter.status()).isEqualTo(CallStatus.FAILED);
        assertThat(ringingAfter.endReason()).isEqualTo("swept");
        assertThat(ringingAfter.endedAt()).isEqualTo(now);
        CallSession activeAfter = sessions.find(goneActive.id()).orElseThrow();
        assertThat(activeAfter.status()).isEqualTo(CallStatus.ENDED);
        assertThat(activeAfter.endReason()).isEqualTo("swept");
        assertThat(sessions.find(live.id()).orElseThrow().status()).isEqualTo(CallStatus.RINGING);
        assertThat(sessions.find(fresh.id()).orElseThrow().status()).isEqualTo(CallStatus.RINGING);
    }

    @Test
    void withLiveKitUnreachableOnlySessionsOlderThanTheMaximumAreClosed() {
        // Both rooms exist, so the app's own scheduled sweep (which can reach LiveKit) keeps them.
        CallSession ancient = openAt(now.minus(Duration.ofHours(5)), "web-ancient-" + UUID.randomUUID());
        CallSession recent = openAt(now.minus(Duration.ofHours(1)), "web-recent-" + UUID.randomUUID());
        createRoom(ancient.roomName());
        createRoom(recent.roomName());
        int deadPort = FreePorts.tcp();
        LiveKitClients unreachable = new LiveKitClients(
                RoomServiceClient.Companion.createClient(
                        "http://127.0.0.1:" + deadPort,
                        connection.apiKey(),
                        connection.apiSecret(),
                        () -> new OkHttpClient.Builder()
                                .callTimeout(Duration.ofSeconds(2))
                                .build()),
                null,
                null);
        CallSweeper blind = new CallSweeper(
                sessions,
                unreachable,
                new CallsProperties(
                        Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofHours(4), 30, Duration.ofHours(1)),
                clock);

        assertThat(blind.sweep()).isEqualTo(1);

        CallSession ancientAfter = sessions.find(ancient.id()).orElseThrow();
        assertThat(ancientAfter.status()).isEqualTo(CallStatus.FAILED);
        assertThat(ancientAfter.endReason()).isEqualTo("swept");
        assertThat(sessions.find(recent.id()).orElseThrow().status()).isEqualTo(CallStatus.RINGING);
    }

    @Test
    void aSessionIsAnnouncedOpenedOnceAndEndedOnceWhateverIsRedelivered() {
        List<Object> published = new ArrayList<>();
        CallSessions recording = new CallSessions(jdbc, published::add, clock);
        CallWebhooks listener = new CallWebhooks(jdbc, recording, catalog);
        String room = "web-events-" + UUID.randomUUID();
        var participant = caller("caller-e", now.minusSeconds(50));
        WebhookEvent left = event("participant_left", room, now.minusSeconds(20))
                .setParticipant(leaving(participant, DisconnectReason.CLIENT_INITIATED))
                .build();
        List<WebhookEvent> deliveries = List.of(
                event("room_started", room, now.minusSeconds(60)).build(),
                event("participant_joined", room, now.minusSeconds(50))
                        .setParticipant(participant)
                        .build(),
                left,
                left,
                event("room_finished", room, now).build());

        for (WebhookEvent event : deliveries) {
            tx.executeWithoutResult(
                    status -> listener.on(new LiveKitWebhookReceived(event, Webhooks.json(event), clock.instant())));
        }

        UUID id = sessions.findByRoom(room).orElseThrow().id();
        assertThat(published)
                .containsExactly(
                        new CallSessionOpened(id, room, CallChannel.WEB, clock.instant()),
                        new CallSessionEnded(id, room, CallStatus.ENDED, "client-initiated", now.minusSeconds(20)));
        assertThat(sessions.events(id)).hasSize(4);
    }

    @Test
    void aWebSessionOpenedAfterItsRoomsWebhookKeepsWhatTheWebhookRecorded() {
        String room = "web-late-" + UUID.randomUUID();
        WebhookEvent started = event("room_started", room, now).build();
        tx.executeWithoutResult(status -> new CallWebhooks(jdbc, sessions, catalog)
                .on(new LiveKitWebhookReceived(started, Webhooks.json(started), clock.instant())));

        CallSession session = sessions.openWebSession(room, "RM_other", "caller-late", "ru", "AD_1");

        assertThat(session.roomSid()).isEqualTo(started.getRoom().getSid());
        assertThat(session.participantIdentity()).isEqualTo("caller-late");
        assertThat(session.language()).isEqualTo("ru");
        assertThat(session.agentDispatchId()).isEqualTo("AD_1");
        assertThat(session.status()).isEqualTo(CallStatus.RINGING);
        assertThat(jdbc.sql("select count(*) from call_sessions where room_name = ?")
                        .param(room)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** A web session created at {@code createdAt}; the clock is back at {@link #now} afterwards. */
    private CallSession openAt(Instant createdAt, String room) {
        clock.set(createdAt);
        try {
            return sessions.openWebSession(room, null, "caller-" + UUID.randomUUID(), "de", null);
        } finally {
            clock.set(now);
        }
    }

    /** A real room on the app's LiveKit that stays for ten minutes unless deleted. */
    private void createRoom(String name) {
        LiveKitClients.require("create room", liveKit.rooms().createRoom(name, 600));
        liveRooms.add(name);
    }
}
