package dev.sofia.livekit.local;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a local {@code livekit-server} is started with: its ports on loopback, its API keys, where
 * it sends webhooks, and optionally the Redis it needs for the SIP API. Written out as JSON, which
 * every YAML parser (and so livekit-server's) reads.
 *
 * @param httpPort signal and API port (HTTP and WebSocket)
 * @param rtcTcpPort ICE over TCP
 * @param udpPort the single UDP port all media is multiplexed on
 * @param keys API key to secret; the first one signs webhooks
 * @param webhookUrls where webhook events go; empty for none
 * @param redisAddress {@code host:port} of a Redis, or null to run without (no SIP API then)
 * @param turnUdpPort the embedded TURN server's UDP port, or 0 for none
 */
public record LiveKitServerConfig(
        int httpPort,
        int rtcTcpPort,
        int udpPort,
        Map<String, String> keys,
        List<String> webhookUrls,
        @Nullable String redisAddress,
        int turnUdpPort) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public LiveKitServerConfig {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("livekit-server needs at least one API key");
        }
        keys = Map.copyOf(new LinkedHashMap<>(keys));
        webhookUrls = List.copyOf(webhookUrls);
    }

    /**
     * A config on free loopback ports with one freshly generated key pair (a 48-character secret,
     * longer than the 32 livekit-server asks for) and no webhooks.
     */
    public static LiveKitServerConfig onFreePorts() {
        String apiKey = "sofia-" + randomHex(6);
        String secret = randomHex(24);
        return new LiveKitServerConfig(
                FreePorts.tcp(), FreePorts.tcp(), FreePorts.udp(), Map.of(apiKey, secret), List.of(), null, 0);
    }

    /** The same server on newly chosen free ports (the TURN port only if TURN is on). */
    public LiveKitServerConfig withFreshPorts() {
        return new LiveKitServerConfig(
                FreePorts.tcp(),
                FreePorts.tcp(),
                FreePorts.udp(),
                keys,
                webhookUrls,
                redisAddress,
                turnUdpPort == 0 ? 0 : FreePorts.udp());
    }

    public LiveKitServerConfig withWebhookUrls(List<String> urls) {
        return new LiveKitServerConfig(httpPort, rtcTcpPort, udpPort, keys, urls, redisAddress, turnUdpPort);
    }

    public LiveKitServerConfig withRedis(String address) {
        return new LiveKitServerConfig(httpPort, rtcTcpPort, udpPort, keys, webhookUrls, address, turnUdpPort);
    }

    /**
     * With the embedded TURN server (UDP, on a free port), for relay-only clients. The server then
     * offers no loopback candidate: relay-only clients failed ICE with one in the list, and a
     * relayed path uses the host's own address anyway, so this needs a host with a non-loopback
     * address. The server lists the TURN server (with credentials) in every join response.
     */
    public LiveKitServerConfig withTurn() {
        return new LiveKitServerConfig(httpPort, rtcTcpPort, udpPort, keys, webhookUrls, redisAddress, FreePorts.udp());
    }

    /** The key that signs webhooks and that Sofia's service clients use. */
    public String apiKey() {
        return keys.keySet().iterator().next();
    }

    public String apiSecret() {
        return keys.get(apiKey());
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String wsUrl() {
        return "ws://127.0.0.1:" + httpPort;
    }

    String toYaml() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("port", httpPort);
        root.put("bind_addresses", List.of("127.0.0.1"));
        root.put(
                "rtc",
                Map.of(
                        "tcp_port",
                        rtcTcpPort,
                        "udp_port",
                        udpPort,
                        "use_external_ip",
                        false,
                        // ICE binds every interface but offers no loopback candidate by default,
                        // and loopback is all a local peer can reach here.
                        "enable_loopback_candidate",
                        turnUdpPort == 0));
        if (turnUdpPort > 0) {
            root.put("turn", Map.of("enabled", true, "udp_port", turnUdpPort));
        }
        root.put("keys", keys);
        // Dev mode logs at debug; info is plenty and keeps the log file small.
        root.put("logging", Map.of("level", "info"));
        if (!webhookUrls.isEmpty()) {
            root.put("webhook", Map.of("api_key", apiKey(), "urls", webhookUrls));
        }
        if (redisAddress != null) {
            root.put("redis", Map.of("address", redisAddress));
        }
        return JsonMapper.shared().writeValueAsString(root);
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
