package dev.sofia.clinic.diagnose;

import dev.sofia.clinic.livekit.LiveKitCallException;
import dev.sofia.clinic.livekit.LiveKitClients;
import java.util.List;

/** The key may create and delete rooms, as every call needs: a test room is made and removed. */
final class TestRoomCheck implements Check {

    static final String NAME = "livekit-test-room";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String hint() {
        return "check that LiveKit is reachable and the key may administer rooms";
    }

    @Override
    public List<Outcome> run(DiagnoseSettings settings) {
        if (!settings.liveKitConfigured()) {
            return List.of(Outcome.skip(NAME, "LiveKit not configured (the app starts its own local server)"));
        }
        LiveKitApi api = LiveKitApi.of(settings);
        String room = LiveKitApi.testRoomName();
        try {
            // empty timeout: should the delete below fail, LiveKit closes the room by itself
            LiveKitClients.require("create room", api.rooms().createRoom(room, 10, 4));
        } catch (LiveKitCallException e) {
            return List.of(Outcome.fail(NAME, e.getMessage(), LiveKitApi.hint(e, settings)));
        }
        try {
            LiveKitClients.execute("delete room", api.rooms().deleteRoom(room));
        } catch (LiveKitCallException e) {
            return List.of(Outcome.fail(
                    NAME,
                    "created " + room + " but could not delete it: " + e.getMessage(),
                    LiveKitApi.hint(e, settings)));
        }
        return List.of(Outcome.ok(NAME, "created and deleted " + room));
    }
}
