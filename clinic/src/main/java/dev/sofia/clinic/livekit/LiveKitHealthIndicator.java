package dev.sofia.clinic.livekit;

import io.livekit.server.RoomServiceClient;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code livekit}: UP when LiveKit answers an authenticated "list rooms" within
 * {@link #TIMEOUT}. That proves the server is reachable and our key and secret are accepted. Part
 * of readiness: an instance that cannot reach LiveKit can take no calls.
 */
@Component("livekit")
class LiveKitHealthIndicator implements HealthIndicator {

    static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final RoomServiceClient rooms;
    private final String url;

    LiveKitHealthIndicator(LiveKitConnection connection) {
        this.url = connection.url();
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(TIMEOUT)
                .callTimeout(TIMEOUT)
                .build();
        this.rooms = RoomServiceClient.createClient(
                connection.httpUrl(), connection.apiKey(), connection.apiSecret(), () -> http);
    }

    @Override
    public Health health() {
        try {
            LiveKitClients.execute("list rooms", rooms.listRooms());
            return Health.up().withDetail("url", url).build();
        } catch (LiveKitCallException e) {
            // The message names the failed call and LiveKit's status, never credentials.
            return Health.down()
                    .withDetail("url", url)
                    .withDetail("error", e.getMessage())
                    .build();
        }
    }
}
