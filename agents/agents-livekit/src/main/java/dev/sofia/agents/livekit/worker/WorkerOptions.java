package dev.sofia.agents.livekit.worker;

import dev.sofia.agents.livekit.RoomOptions;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.Objects;
import java.util.function.DoubleSupplier;
import livekit.LivekitModels.ParticipantPermission;
import org.jspecify.annotations.Nullable;

/**
 * How an {@link AgentWorker} connects and decides. Build with {@link #builder} or {@link
 * #fromEnvironment()}.
 *
 * @param url the LiveKit server ({@code ws(s)://} or {@code http(s)://}); the worker connects to
 *     {@code <url>/agent}, and jobs join rooms here unless the assignment names another URL
 * @param apiKey API key the worker mints its own agent token with
 * @param apiSecret API secret
 * @param agentName the name dispatches address ({@code "sofia"}); empty = automatic dispatch to
 *     every new room
 * @param version reported at registration
 * @param permissions what the job participants may do in rooms (the server puts them in job tokens)
 * @param maxJobs how many jobs this worker runs at once
 * @param loadThreshold the worker declines jobs while the CPU load is at or above this (0..1; {@code
 *     Double.POSITIVE_INFINITY} ignores the CPU)
 * @param serverTargetLoad livekit-server's {@code agents.target_load} (0.7 unless configured): the
 *     server offers jobs only to workers reporting less, so the worker scales its load into {@code
 *     [0, serverTargetLoad]} before reporting it
 * @param cpuLoad the CPU load, 0..1 (default: the system's, averaged over 2.5 s)
 * @param statusInterval how often status and load are sent (update_worker)
 * @param pingInterval how often the worker pings the server over the socket
 * @param pingTimeout a socket that brought nothing for this long is considered dead and reopened
 * @param reconnectInitialDelay first reconnect delay; doubles per failed attempt, with jitter
 * @param reconnectMaxDelay cap of the reconnect delay
 * @param assignmentTimeout how long an accepted offer holds a slot waiting for its assignment
 * @param jobShutdownTimeout how long a terminated job's thread gets to finish before its room is
 *     closed under it
 * @param roomOptions how jobs join rooms
 * @param meterRegistry where the worker's meters go
 */
public record WorkerOptions(
        String url,
        String apiKey,
        String apiSecret,
        String agentName,
        String version,
        ParticipantPermission permissions,
        int maxJobs,
        double loadThreshold,
        double serverTargetLoad,
        DoubleSupplier cpuLoad,
        Duration statusInterval,
        Duration pingInterval,
        Duration pingTimeout,
        Duration reconnectInitialDelay,
        Duration reconnectMaxDelay,
        Duration assignmentTimeout,
        Duration jobShutdownTimeout,
        RoomOptions roomOptions,
        MeterRegistry meterRegistry) {

    public static final String DEFAULT_AGENT_NAME = "sofia";

    /** livekit-server's default {@code agents.target_load}. */
    public static final double DEFAULT_SERVER_TARGET_LOAD = 0.7;

    public WorkerOptions {
        Objects.requireNonNull(url, "url");
        if (apiKey.isBlank() || apiSecret.isBlank()) {
            throw new IllegalArgumentException("API key and secret are required");
        }
        if (maxJobs < 1) {
            throw new IllegalArgumentException("maxJobs must be at least 1: " + maxJobs);
        }
        if (!(loadThreshold > 0)) {
            throw new IllegalArgumentException("loadThreshold must be positive: " + loadThreshold);
        }
        if (!(serverTargetLoad > 0 && serverTargetLoad <= 1)) {
            throw new IllegalArgumentException("serverTargetLoad must be in (0, 1]: " + serverTargetLoad);
        }
        for (Duration d : new Duration[] {
            statusInterval,
            pingInterval,
            pingTimeout,
            reconnectInitialDelay,
            reconnectMaxDelay,
            assignmentTimeout,
            jobShutdownTimeout
        }) {
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("durations must be positive: " + d);
            }
        }
    }

    /** Defaults: agent "sofia", 10 jobs, CPU threshold 0.7, status every 2.5 s, reconnect 1 s..30 s. */
    public static Builder builder(String url, String apiKey, String apiSecret) {
        return new Builder(url, apiKey, apiSecret);
    }

    /** A builder from {@code LIVEKIT_URL}, {@code LIVEKIT_API_KEY}, {@code LIVEKIT_API_SECRET}. */
    public static Builder fromEnvironment() {
        return builder(env("LIVEKIT_URL"), env("LIVEKIT_API_KEY"), env("LIVEKIT_API_SECRET"));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }

    /** Builds {@link WorkerOptions}; every setter has the default named in {@link #builder}. */
    public static final class Builder {
        private String url;
        private final String apiKey;
        private final String apiSecret;
        private String agentName = DEFAULT_AGENT_NAME;
        private String version = "0.1.0";
        private ParticipantPermission permissions = ParticipantPermission.newBuilder()
                .setCanPublish(true)
                .setCanSubscribe(true)
                .setCanPublishData(true)
                .setCanUpdateMetadata(true)
                .setAgent(true)
                .build();
        private int maxJobs = 10;
        private double loadThreshold = 0.7;
        private double serverTargetLoad = DEFAULT_SERVER_TARGET_LOAD;
        private @Nullable DoubleSupplier cpuLoad; // CpuLoad.system(), started only when used
        private Duration statusInterval = Duration.ofMillis(2500);
        private Duration pingInterval = Duration.ofSeconds(10);
        private Duration pingTimeout = Duration.ofSeconds(30);
        private Duration reconnectInitialDelay = Duration.ofSeconds(1);
        private Duration reconnectMaxDelay = Duration.ofSeconds(30);
        private Duration assignmentTimeout = Duration.ofMillis(7500);
        private Duration jobShutdownTimeout = Duration.ofSeconds(10);
        private RoomOptions roomOptions = RoomOptions.defaults();
        private MeterRegistry meterRegistry = Metrics.globalRegistry;

        private Builder(String url, String apiKey, String apiSecret) {
            this.url = url;
            this.apiKey = apiKey;
            this.apiSecret = apiSecret;
        }

        public Builder url(String value) {
            url = value;
            return this;
        }

        public Builder agentName(String value) {
            agentName = value;
            return this;
        }

        public Builder version(String value) {
            version = value;
            return this;
        }

        public Builder permissions(ParticipantPermission value) {
            permissions = value;
            return this;
        }

        public Builder maxJobs(int value) {
            maxJobs = value;
            return this;
        }

        public Builder loadThreshold(double value) {
            loadThreshold = value;
            return this;
        }

        public Builder serverTargetLoad(double value) {
            serverTargetLoad = value;
            return this;
        }

        public Builder cpuLoad(DoubleSupplier value) {
            cpuLoad = value;
            return this;
        }

        public Builder statusInterval(Duration value) {
            statusInterval = value;
            return this;
        }

        public Builder pingInterval(Duration value) {
            pingInterval = value;
            return this;
        }

        public Builder pingTimeout(Duration value) {
            pingTimeout = value;
            return this;
        }

        public Builder reconnectDelays(Duration initial, Duration max) {
            reconnectInitialDelay = initial;
            reconnectMaxDelay = max;
            return this;
        }

        public Builder assignmentTimeout(Duration value) {
            assignmentTimeout = value;
            return this;
        }

        public Builder jobShutdownTimeout(Duration value) {
            jobShutdownTimeout = value;
            return this;
        }

        public Builder roomOptions(RoomOptions value) {
            roomOptions = value;
            return this;
        }

        public Builder meterRegistry(MeterRegistry value) {
            meterRegistry = value;
            return this;
        }

        public WorkerOptions build() {
            return new WorkerOptions(
                    url,
                    apiKey,
                    apiSecret,
                    agentName,
                    version,
                    permissions,
                    maxJobs,
                    loadThreshold,
                    serverTargetLoad,
                    cpuLoad != null ? cpuLoad : CpuLoad.system(),
                    statusInterval,
                    pingInterval,
                    pingTimeout,
                    reconnectInitialDelay,
                    reconnectMaxDelay,
                    assignmentTimeout,
                    jobShutdownTimeout,
                    roomOptions,
                    meterRegistry);
        }
    }
}
