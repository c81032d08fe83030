package dev.sofia.clinic.diagnose;

import dev.sofia.clinic.livekit.LiveKitCallException;
import dev.sofia.clinic.livekit.LiveKitClients;
import java.util.List;

/** The API key and secret are a pair LiveKit knows: listing rooms is the cheapest signed call. */
final class ApiKeyCheck implements Check {

    static final String NAME = "livekit-api-key";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String hint() {
        return "check LIVEKIT_API_KEY and LIVEKIT_API_SECRET";
    }

    @Override
    public List<Outcome> run(DiagnoseSettings settings) {
        if (!settings.liveKitConfigured()) {
            return List.of(Outcome.skip(NAME, "LiveKit not configured (the app starts its own local server)"));
        }
        try {
            var rooms = LiveKitClients.require(
                    "list rooms", LiveKitApi.of(settings).rooms().listRooms());
            return List.of(Outcome.ok(NAME, "key " + settings.apiKey() + " lists rooms (" + rooms.size() + " open)"));
        } catch (LiveKitCallException e) {
            return List.of(Outcome.fail(NAME, e.getMessage(), LiveKitApi.hint(e, settings)));
        }
    }
}
