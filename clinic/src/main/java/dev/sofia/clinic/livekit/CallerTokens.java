package dev.sofia.clinic.livekit;

import io.livekit.server.AccessToken;
import io.livekit.server.CanPublish;
import io.livekit.server.CanPublishData;
import io.livekit.server.CanPublishSources;
import io.livekit.server.CanSubscribe;
import io.livekit.server.CanUpdateOwnMetadata;
import io.livekit.server.RoomJoin;
import io.livekit.server.RoomName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Mints the tokens callers join with. Every caller token grants the least a caller needs: join one
 * named room, publish the microphone and nothing else (no camera, no screen share), subscribe, and
 * send data (the text chat). It cannot create, list or administer rooms, cannot change its own
 * metadata, and expires after {@link #TTL}: a leaked token is worth little and soon worth nothing.
 */
@Component
public class CallerTokens {

    /** How long a caller token may be used to join (LiveKit checks {@code exp} at join time). */
    public static final Duration TTL = Duration.ofMinutes(10);

    private final LiveKitConnection connection;
    private final Clock clock;

    CallerTokens(LiveKitConnection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /** A token for {@code identity} to join {@code room}; both must already be validated. */
    public CallerToken issue(String room, String identity) {
        AccessToken token = new AccessToken(connection.apiKey(), connection.apiSecret());
        token.setIdentity(identity);
        // The SDK counts ttl from the system clock, as LiveKit checks it; the app clock only says
        // when we report the token expires.
        token.setTtl(TTL.toMillis());
        token.addGrants(
                new RoomJoin(true),
                new RoomName(room),
                new CanPublish(true),
                new CanPublishSources(List.of("microphone")),
                new CanSubscribe(true),
                new CanPublishData(true),
                new CanUpdateOwnMetadata(false));
        return new CallerToken(
                token.toJwt(), connection.url(), room, identity, clock.instant().plus(TTL));
    }

    /** A signed caller token and where to use it. */
    public record CallerToken(String token, String url, String room, String identity, Instant expiresAt) {
        @Override
        public String toString() {
            return "CallerToken[room=" + room + ", identity=" + identity + ", expiresAt=" + expiresAt + "]";
        }
    }
}
