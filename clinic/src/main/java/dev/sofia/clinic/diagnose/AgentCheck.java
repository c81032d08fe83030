package dev.sofia.clinic.diagnose;

import dev.sofia.clinic.livekit.LiveKitCallException;
import dev.sofia.clinic.livekit.LiveKitClients;
import java.time.Duration;
import java.util.List;
import livekit.LivekitModels.ParticipantInfo;

/**
 * A worker is registered under {@code SOFIA_AGENT_NAME}: the agent is dispatched into a test room
 * as a call would dispatch it, and an agent participant must join. LiveKit never reports "no
 * worker" — the dispatch just waits — so joining within {@link #WAIT} is the only evidence.
 */
final class AgentCheck implements Check {

    static final String NAME = "agent-worker";
    static final Duration WAIT = Duration.ofSeconds(12);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String hint() {
        return "check that a worker runs (SOFIA_ROLE all or worker) and reaches LiveKit";
    }

    @Override
    public Duration timeout() {
        return WAIT.plusSeconds(8);
    }

    @Override
    public List<Outcome> run(DiagnoseSettings settings) throws Exception {
        if (!settings.liveKitConfigured()) {
            return List.of(
                    Outcome.skip(NAME, "LiveKit not configured (the app starts its own local server and worker)"));
        }
        LiveKitApi api = LiveKitApi.of(settings);
        String room = LiveKitApi.testRoomName();
        String agent = settings.agentName();
        try {
            LiveKitClients.require("create room", api.rooms().createRoom(room, 20, 4));
            LiveKitClients.require("dispatch agent", api.dispatch().createDispatch(room, agent, "{\"diagnose\":true}"));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                List<ParticipantInfo> participants =
                        LiveKitClients.require("list participants", api.rooms().listParticipants(room));
                var joined = participants.stream()
                        .filter(p -> p.getKind() == ParticipantInfo.Kind.AGENT)
                        .findFirst();
                if (joined.isPresent()) {
                    return List.of(Outcome.ok(
                            NAME,
                            "agent \"" + agent + "\" joined the test room as "
                                    + joined.get().getIdentity()));
                }
                Thread.sleep(250);
            }
            return List.of(Outcome.fail(
                    NAME,
                    "no agent joined within " + WAIT.toSeconds() + " s of dispatching \"" + agent + "\"",
                    "no worker is registered as \"" + agent + "\" on this server: start a worker (SOFIA_ROLE=all or"
                            + " worker) with the same LIVEKIT_URL, keys and SOFIA_AGENT_NAME; its log says \"Agent worker"
                            + " started for agent " + agent + "\", and \"declined job\" when it is full"));
        } catch (LiveKitCallException e) {
            return List.of(Outcome.fail(NAME, e.getMessage(), LiveKitApi.hint(e, settings)));
        } finally {
            try {
                LiveKitClients.execute("delete room", api.rooms().deleteRoom(room));
            } catch (LiveKitCallException e) {
                // the room empties itself after its empty timeout; the outcome above is what matters
            }
        }
    }
}
