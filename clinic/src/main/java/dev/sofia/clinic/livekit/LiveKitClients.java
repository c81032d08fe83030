package dev.sofia.clinic.livekit;

import io.livekit.server.AgentDispatchServiceClient;
import io.livekit.server.RoomServiceClient;
import io.livekit.server.SipServiceClient;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;
import retrofit2.Response;

/**
 * LiveKit's server API as the official SDK exposes it, plus {@link #execute} that turns its
 * retrofit calls into a result or a {@link LiveKitCallException} another module can act on.
 */
public record LiveKitClients(RoomServiceClient rooms, AgentDispatchServiceClient dispatch, SipServiceClient sip) {

    /**
     * Runs the call on the current thread (blocking; Sofia serves requests on virtual threads).
     *
     * @param what a few words for the error, e.g. "create room"
     * @return the response body; null only for calls that answer nothing ({@code Void})
     * @throws LiveKitCallException when LiveKit is unreachable or refuses the call
     */
    public static <T> @Nullable T execute(String what, Call<T> call) {
        Response<T> response;
        try {
            response = call.execute();
        } catch (IOException e) {
            throw LiveKitCallException.unreachable(what, e);
        }
        if (!response.isSuccessful()) {
            throw LiveKitCallException.refused(what, response.code(), errorMessage(response));
        }
        return response.body();
    }

    /** Like {@link #execute} for calls whose body the caller needs. */
    public static <T> T require(String what, Call<T> call) {
        T body = execute(what, call);
        if (body == null) {
            throw LiveKitCallException.refused(what, 200, "empty response");
        }
        return body;
    }

    // Twirp errors are JSON like {"code":"not_found","msg":"..."}; the message is LiveKit's own text.
    private static String errorMessage(Response<?> response) {
        try (var body = response.errorBody()) {
            if (body == null) {
                return "HTTP " + response.code();
            }
            String text = body.string();
            return text.length() > 300 ? text.substring(0, 300) : text;
        } catch (IOException e) {
            return "HTTP " + response.code();
        }
    }
}
