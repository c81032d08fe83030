package dev.sofia.clinic.telephony;

import dev.sofia.clinic.livekit.AgentRooms;
import dev.sofia.clinic.livekit.LiveKitCallException;
import dev.sofia.clinic.livekit.LiveKitClients;
import dev.sofia.clinic.system.FieldProblem;
import dev.sofia.clinic.system.InvalidInputException;
import dev.sofia.clinic.system.PhoneNumbers;
import dev.sofia.clinic.system.UnknownReferenceException;
import dev.sofia.clinic.system.UpstreamUnavailableException;
import io.livekit.server.CreateSipParticipantOptions;
import io.livekit.server.TransferSipParticipantOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import livekit.LivekitModels.ParticipantInfo;
import livekit.LivekitModels.Room;
import livekit.LivekitSip.SIPParticipantInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Controls phone calls in LiveKit: transfer the caller, hang up, read the call's status, and call a
 * patient back. Used by staff over HTTP and by the receptionist in code.
 *
 * <p>A transfer goes only to a configured {@link TransferTargets transfer target}, named by kind
 * ({@code main}, {@code emergency}) or id: a number from the caller, the LLM or the request body is
 * never dialled. The caller's participant is the room's participant of kind SIP.
 */
@Service
public class CallControl {

    /** Rooms of callbacks; inbound calls are in {@code call-…} rooms (the dispatch rules' prefix). */
    public static final String CALLBACK_ROOM_PREFIX = "callback-";

    static final String CALL_STATUS_ATTRIBUTE = "sip.callStatus";
    private static final Pattern ROOM = Pattern.compile("[A-Za-z0-9_+.=-]{1,128}");
    private static final Logger log = LoggerFactory.getLogger(CallControl.class);

    private final LiveKitClients clients;
    private final AgentRooms agentRooms;
    private final TransferTargets targets;
    private final TelephonyConnections connections;
    private final TransfersUnderWay transfers = new TransfersUnderWay();

    CallControl(
            LiveKitClients clients, AgentRooms agentRooms, TransferTargets targets, TelephonyConnections connections) {
        this.clients = clients;
        this.agentRooms = agentRooms;
        this.targets = targets;
        this.connections = connections;
    }

    /**
     * A phone call's state.
     *
     * @param callStatus the SIP participant's {@code sip.callStatus}: dialing, ringing, automation,
     *     active or hangup (null if LiveKit has not set it)
     */
    public record CallStatus(
            String room,
            String participantIdentity,
            @Nullable String callStatus) {}

    /** A transfer LiveKit accepted: to which configured target. */
    public record Transfer(String room, String participantIdentity, UUID targetId, String kind, String label) {}

    /** A callback being dialled. */
    public record Callback(String room, String participantIdentity, UUID connectionId, String sipCallId) {}

    /**
     * Transfers the phone caller in {@code room} to a configured target.
     *
     * @param target {@code main}, {@code emergency}, or a transfer target's id
     */
    public Transfer transfer(String room, String target) {
        String name = room(room);
        TransferTargets.TransferTarget to = resolve(target);
        ParticipantInfo caller = sipParticipant(name);
        if (!transfers.start(name)) {
            throw TelephonyProblem.transferUnderWay();
        }
        try {
            LiveKitClients.execute(
                    "transfer SIP participant",
                    clients.sip()
                            .transferSipParticipant(
                                    name,
                                    caller.getIdentity(),
                                    "tel:" + to.number(),
                                    new TransferSipParticipantOptions(false)));
        } catch (LiveKitCallException e) {
            transfers.failed(name);
            if (e.notFound()) {
                throw TelephonyProblem.noSipParticipant();
            }
            throw e;
        } catch (RuntimeException e) {
            transfers.failed(name);
            throw e;
        }
        log.info("Call in room {} transferred to the {} target {}", TelephonySync.redact(name), to.kind(), to.id());
        return new Transfer(name, caller.getIdentity(), to.id(), to.kind(), to.label());
    }

    /**
     * Whether an emergency can be put through: the practice has an emergency line, or at least a
     * main line (which then takes emergencies too).
     */
    public boolean canPutThroughEmergencies() {
        return hasTarget("emergency") || hasTarget("main");
    }

    /** Whether the practice configured a {@code main} or {@code emergency} transfer target. */
    public boolean hasTarget(String kind) {
        return targets.ofKind(kind).isPresent();
    }

    /** Hangs up the phone caller in {@code room} (LiveKit ends the SIP call when it is removed). */
    public void hangUp(String room) {
        String name = room(room);
        ParticipantInfo caller = sipParticipant(name);
        try {
            LiveKitClients.execute(
                    "remove SIP participant", clients.rooms().removeParticipant(name, caller.getIdentity()));
        } catch (LiveKitCallException e) {
            if (!e.notFound()) {
                throw e;
            }
            // Gone between listing and removing: the call has ended either way.
        }
        log.info("Call in room {} hung up", TelephonySync.redact(name));
    }

    /**
     * Ends the call in {@code room} for everyone in it, web or phone, by closing the LiveKit room;
     * LiveKit's {@code room_finished} webhook then closes the call's session. For a web call, which
     * cannot be transferred, this is the only way staff can stop it.
     */
    public void endCall(String room) {
        String name = anyCallRoom(room);
        try {
            LiveKitClients.execute("delete room", clients.rooms().deleteRoom(name));
        } catch (LiveKitCallException e) {
            if (e.notFound()) {
                throw TelephonyProblem.callNotFound();
            }
            throw e;
        }
        log.info("Call in room {} ended by staff", TelephonySync.redact(name));
    }

    /** The phone caller's call status in {@code room}. */
    public CallStatus status(String room) {
        String name = room(room);
        ParticipantInfo caller = sipParticipant(name);
        return new CallStatus(
                name, caller.getIdentity(), caller.getAttributesMap().get(CALL_STATUS_ATTRIBUTE));
    }

    /**
     * Calls {@code number} back from a new {@code callback-<uuid>} room with the agent in it.
     *
     * @param connectionId the connection to call through; may be null when exactly one connection
     *     can call out
     * @param language the agent's language (de, en, ru; default de)
     */
    public Callback callBack(@Nullable String number, @Nullable UUID connectionId, @Nullable String language) {
        List<FieldProblem> problems = new ArrayList<>();
        String to = TelephonyNumbers.e164(number, "number", problems);
        String lang = language == null || language.isBlank() ? "de" : language.strip();
        if (!CallRoutes.LANGUAGES.contains(lang)) {
            problems.add(new FieldProblem("language", "must be de, en or ru"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        TelephonyConnection connection = outboundConnection(connectionId);
        String trunkId = connection.outbound().livekitTrunkId();
        String room = CALLBACK_ROOM_PREFIX + UUID.randomUUID();
        String identity = "callee-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            agentRooms.openNewRoom(room, lang, "phone");
            CreateSipParticipantOptions options =
                    new CreateSipParticipantOptions(identity, "Callback", null, null, null, false, false, false);
            SIPParticipantInfo info = LiveKitClients.require(
                    "create SIP participant", clients.sip().createSipParticipant(trunkId, to, room, options));
            log.info(
                    "Callback to {} dialling from room {} through connection {}",
                    PhoneNumbers.mask(to),
                    room,
                    connection.id());
            return new Callback(room, info.getParticipantIdentity(), connection.id(), info.getSipCallId());
        } catch (LiveKitCallException e) {
            deleteQuietly(room);
            if (e.liveKitStatus() == 503) {
                throw new UpstreamUnavailableException(
                        "sip-unavailable",
                        "Telephony not available",
                        "LiveKit has no SIP service to place the call; is livekit-sip running and connected?");
            }
            throw e;
        } catch (RuntimeException e) {
            deleteQuietly(room);
            throw e;
        }
    }

    private TelephonyConnection outboundConnection(@Nullable UUID connectionId) {
        if (connectionId != null) {
            TelephonyConnection c = connections
                    .find(connectionId)
                    .orElseThrow(() -> new UnknownReferenceException("connectionId", "telephony connection"));
            if (c.outbound() == null || c.outbound().livekitTrunkId() == null) {
                throw TelephonyProblem.noOutboundTrunk(
                        c.outbound() == null
                                ? "The connection has no outbound address"
                                : "The connection's outbound trunk is not in LiveKit yet (does it have a phone number,"
                                        + " and is it synced?)");
            }
            return c;
        }
        List<TelephonyConnection> able = connections.list().stream()
                .filter(c -> c.outbound() != null && c.outbound().livekitTrunkId() != null)
                .toList();
        if (able.isEmpty()) {
            throw TelephonyProblem.noOutboundTrunk("No connection has a synced outbound trunk");
        }
        if (able.size() > 1) {
            throw new InvalidInputException(
                    "connectionId", "is required: " + able.size() + " connections can call out");
        }
        return able.getFirst();
    }

    private void deleteQuietly(String room) {
        try {
            LiveKitClients.execute("delete room", clients.rooms().deleteRoom(room));
        } catch (LiveKitCallException e) {
            log.warn("Could not delete the unused callback room {}: {}", room, e.getMessage());
        }
    }

    private TransferTargets.TransferTarget resolve(@Nullable String target) {
        if (target == null || target.isBlank()) {
            throw new InvalidInputException("target", "is required: main, emergency or a transfer target id");
        }
        String t = target.strip();
        if (t.equals("main") || t.equals("emergency")) {
            return targets.ofKind(t)
                    .orElseThrow(
                            () -> new UnknownReferenceException("target", t + " transfer target (none configured)"));
        }
        UUID id;
        try {
            id = UUID.fromString(t);
        } catch (IllegalArgumentException e) {
            // Never a number: only configured targets can be dialled.
            throw new InvalidInputException("target", "must be main, emergency or a transfer target id");
        }
        Optional<TransferTargets.TransferTarget> found = targets.find(id);
        return found.orElseThrow(() -> new UnknownReferenceException("target", "transfer target"));
    }

    private static String room(@Nullable String room) {
        if (room == null
                || !ROOM.matcher(room).matches()
                || !(room.startsWith("call-") || room.startsWith(CALLBACK_ROOM_PREFIX))) {
            throw new InvalidInputException("room", "must be a phone call room (call-… or callback-…)");
        }
        return room;
    }

    private static String anyCallRoom(@Nullable String room) {
        if (room != null
                && room.startsWith(AgentRooms.WEB_ROOM_PREFIX)
                && ROOM.matcher(room).matches()) {
            return room;
        }
        return room(room);
    }

    private ParticipantInfo sipParticipant(String room) {
        List<Room> rooms = LiveKitClients.require("list rooms", clients.rooms().listRooms(List.of(room)));
        if (rooms.isEmpty()) {
            throw TelephonyProblem.callNotFound();
        }
        List<ParticipantInfo> participants =
                LiveKitClients.require("list participants", clients.rooms().listParticipants(room));
        return participants.stream()
                .filter(p ->
                        p.getKind() == ParticipantInfo.Kind.SIP && p.getState() != ParticipantInfo.State.DISCONNECTED)
                .findFirst()
                .orElseThrow(TelephonyProblem::noSipParticipant);
    }
}
