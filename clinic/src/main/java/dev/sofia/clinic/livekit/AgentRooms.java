package dev.sofia.clinic.livekit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import livekit.LivekitAgentDispatch.AgentDispatch;
import livekit.LivekitModels.Room;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates the rooms callers talk to Sofia in and sends Sofia there: the room first (so its limits
 * are ours, not LiveKit's defaults), then an explicit dispatch of the agent with job metadata the
 * agent reads (language, channel).
 */
@Component
public class AgentRooms {

    /** Web call rooms; phone rooms are named by the SIP dispatch rules ({@code call-…}). */
    public static final String WEB_ROOM_PREFIX = "web-";

    /** Rooms `sofia diagnose` makes to test LiveKit and the agent: never a call, never in the call log. */
    public static final String DIAGNOSE_ROOM_PREFIX = "sofia-diagnose-";

    // A caller who never shows up leaves an empty room behind for no longer than this.
    private static final int EMPTY_TIMEOUT_SECONDS = 120;
    // After the last participant leaves, the room closes (and room_finished ends the session).
    private static final int DEPARTURE_TIMEOUT_SECONDS = 20;
    // The caller, Sofia, and a member of staff taking over.
    private static final int MAX_PARTICIPANTS = 4;

    private final LiveKitClients clients;
    private final String agentName;
    private final ReentrantLock[] roomLocks = new ReentrantLock[64];

    AgentRooms(LiveKitClients clients, LiveKitProperties properties) {
        this.clients = clients;
        for (int i = 0; i < roomLocks.length; i++) {
            roomLocks[i] = new ReentrantLock();
        }
        this.agentName =
                properties.agentName() == null || properties.agentName().isBlank()
                        ? "sofia"
                        : properties.agentName().strip();
    }

    public String agentName() {
        return agentName;
    }

    /** A new {@code web-<uuid>} room with Sofia dispatched into it. */
    public OpenedRoom openWebRoom(String language) {
        return openNewRoom(WEB_ROOM_PREFIX + UUID.randomUUID(), language, "web");
    }

    /**
     * A room Sofia's own code names (a fresh, unguessable name), created with Sofia's limits and
     * Sofia dispatched into it with job metadata {@code {language, channel}}.
     */
    public OpenedRoom openNewRoom(String name, String language, String channel) {
        Room room = createRoom(name);
        AgentDispatch dispatch = dispatchAgent(room.getName(), language, channel);
        return new OpenedRoom(room.getName(), room.getSid(), dispatch.getId());
    }

    /**
     * The named room, created if it does not exist yet (LiveKit returns the existing one), with Sofia
     * dispatched into it unless she already is. LiveKit only dispatches into a room that exists.
     */
    public OpenedRoom openNamedRoom(String name, String language) {
        // Two first callers of one room at once must not both dispatch Sofia: check-then-create runs
        // under a lock per room (striped, so memory stays fixed). Across several app instances the
        // race remains; a second Sofia would be the visible result.
        ReentrantLock lock = roomLocks[Math.floorMod(name.hashCode(), roomLocks.length)];
        lock.lock();
        try {
            Room room = createRoom(name);
            var existing = LiveKitClients.require(
                            "list dispatches", clients.dispatch().listDispatch(name))
                    .stream()
                    .filter(d -> d.getAgentName().equals(agentName))
                    .findFirst();
            AgentDispatch dispatch = existing.orElseGet(() -> dispatchAgent(name, language, "web"));
            return new OpenedRoom(room.getName(), room.getSid(), dispatch.getId());
        } finally {
            lock.unlock();
        }
    }

    private Room createRoom(String name) {
        return LiveKitClients.require(
                "create room",
                clients.rooms()
                        .createRoom(
                                name,
                                EMPTY_TIMEOUT_SECONDS,
                                MAX_PARTICIPANTS,
                                null,
                                null,
                                null,
                                null,
                                null,
                                DEPARTURE_TIMEOUT_SECONDS));
    }

    /** Sends Sofia into an existing room. */
    public AgentDispatch dispatchAgent(String room, String language, String channel) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("language", language);
        metadata.put("channel", channel);
        return LiveKitClients.require(
                "dispatch agent",
                clients.dispatch()
                        .createDispatch(room, agentName, JsonMapper.shared().writeValueAsString(metadata)));
    }

    /** Whether Sofia has already been dispatched to this room. */
    public boolean agentDispatched(String room) {
        var dispatches =
                LiveKitClients.execute("list dispatches", clients.dispatch().listDispatch(room));
        return dispatches != null
                && dispatches.stream().anyMatch(d -> d.getAgentName().equals(agentName));
    }

    /**
     * A room Sofia was sent to.
     *
     * @param name the room name ({@code web-<uuid>})
     * @param sid LiveKit's room id
     * @param dispatchId the agent dispatch's id
     */
    public record OpenedRoom(String name, String sid, String dispatchId) {}
}
