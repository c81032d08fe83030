package dev.sofia.agents.cartesia;

import dev.sofia.agents.provider.ProviderException;
import dev.sofia.agents.provider.ProviderStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Cartesia's generation requests and error answers. */
final class CartesiaMessages {

    static final JsonMapper JSON = JsonMapper.shared();

    private CartesiaMessages() {}

    /**
     * A generation request for one piece of a context's text; {@code more} is Cartesia's {@code
     * continue}: whether further pieces follow (an empty transcript with {@code more = false} ends
     * the context).
     */
    static String generation(CartesiaTtsOptions settings, String contextId, String transcript, boolean more) {
        ObjectNode request = JSON.createObjectNode()
                .put("model_id", settings.model())
                .put("transcript", transcript)
                .put("context_id", contextId)
                .put("language", settings.language())
                .put("continue", more)
                .put("add_timestamps", settings.wordTimestamps());
        ObjectNode voice = request.putObject("voice").put("mode", "id").put("id", settings.voiceId());
        request.putObject("output_format")
                .put("container", "raw")
                .put("encoding", "pcm_s16le")
                .put("sample_rate", settings.sampleRate());
        Double speed = settings.speed();
        if (speed != null) {
            if (settings.model().startsWith("sonic-2")) {
                voice.putObject("__experimental_controls").put("speed", speed);
            } else {
                request.putObject("generation_config").put("speed", speed);
            }
        }
        return request.toString();
    }

    /**
     * An {@code error} message: with a status, retryable as that status is (429, 5xx); without one,
     * a request Cartesia cannot serve, which sending again would not change.
     */
    static ProviderException error(String label, JsonNode message) {
        String text = message.path("message")
                .asString(message.path("error").asString(message.path("title").asString("error")));
        int status = message.path("status_code").asInt(0);
        return status >= 400
                ? new ProviderStatusException(label, status, text)
                : new ProviderException(label, text, false);
    }
}
