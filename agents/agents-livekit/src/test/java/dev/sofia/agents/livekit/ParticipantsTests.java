package dev.sofia.agents.livekit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import livekit.LivekitModels.ParticipantInfo;
import org.junit.jupiter.api.Test;

/** The participant model turns the server's updates into the right events, in order. */
class ParticipantsTests {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final EventDispatcher dispatcher = new EventDispatcher("test-events");
    private final RoomEvents events = new RoomEvents();
    private final List<String> left = new ArrayList<>();
    private final Participants participants = new Participants(dispatcher, p -> left.add(p.identity()));

    ParticipantsTests() {
        dispatcher.addListener(events);
    }

    @Test
    void aNewParticipantIsAnnouncedAndItsLeavingToo() {
        participants.apply(info("PA_1", "caller", ParticipantInfo.State.JOINED, 1, Map.of()));
        participants.apply(info("PA_1", "caller", ParticipantInfo.State.DISCONNECTED, 2, Map.of()));

        events.await(RoomEvent.ParticipantDisconnected.class, WAIT);
        assertThat(events.all())
                .extracting(e -> e.getClass().getSimpleName())
                .containsExactly("ParticipantConnected", "ParticipantDisconnected");
        assertThat(left).containsExactly("caller");
        assertThat(participants.byIdentity()).isEmpty();
    }

    @Test
    void participantsPresentAtJoinAreKnownButNotAnnounced() {
        participants.addInitial(List.of(info("PA_1", "caller", ParticipantInfo.State.ACTIVE, 1, Map.of())));
        participants.apply(info("PA_2", "other", ParticipantInfo.State.JOINED, 1, Map.of()));

        RoomEvent.ParticipantConnected connected = events.await(RoomEvent.ParticipantConnected.class, WAIT);
        assertThat(connected.participant().identity()).isEqualTo("other");
        assertThat(participants.byIdentity()).containsOnlyKeys("caller", "other");
    }

    @Test
    void attributeChangesCarryOnlyTheChangedKeysAndIgnoreStaleVersions() {
        participants.apply(info("PA_1", "caller", ParticipantInfo.State.ACTIVE, 1, Map.of("a", "1", "b", "2")));
        participants.apply(info("PA_1", "caller", ParticipantInfo.State.ACTIVE, 3, Map.of("a", "1", "c", "3")));
        // version 2 arrives late and must not undo version 3
        participants.apply(info("PA_1", "caller", ParticipantInfo.State.ACTIVE, 2, Map.of("a", "0")));

        RoomEvent.AttributesChanged changed = events.await(RoomEvent.AttributesChanged.class, WAIT);
        assertThat(changed.changed()).isEqualTo(Map.of("b", "", "c", "3"));
        assertThat(participants.byIdentity().get("caller").attributes()).isEqualTo(Map.of("a", "1", "c", "3"));
        dispatcher.close();
        assertThat(events.all())
                .filteredOn(RoomEvent.AttributesChanged.class::isInstance)
                .hasSize(1);
    }

    private static ParticipantInfo info(
            String sid, String identity, ParticipantInfo.State state, int version, Map<String, String> attributes) {
        return ParticipantInfo.newBuilder()
                .setSid(sid)
                .setIdentity(identity)
                .setState(state)
                .setVersion(version)
                .putAllAttributes(attributes)
                .build();
    }
}
