package dev.sofia.livekit.local;

import java.nio.file.Path;
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
 * @param turnTls the embedded TURN server's TLS listener, or null for none
 */
public record LiveKitServerConfig(
        int httpPort,
        int rtcTcpPort,
        int udpPort,
        Map<String, String> keys,
        List<String> webhookUrls,
        @Nullable String redisAddress,
        int turnUdpPort,
        @Nullable TurnTls turnTls) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Where TURN relays allocate their ports. Development mode allows only three (30000–30002),
     * which two browsers, or two test servers on one machine, soon use up.
     */
    private static final int RELAY_PORTS_FROM = 50_000;

    private static final int RELAY_PORTS_TO = 59_999;

    /**
     * TURN over TLS (TCP), for networks that let nothing but TLS out. livekit-server advertises it
     * to clients as {@code turns:<domain>:443?transport=tcp} whatever {@code port} is: it expects
     * port 443 to reach {@code port}, by listening there or through a load balancer.
     *
     * @param domain the name (or IPv4 address, which livekit-server also accepts) clients connect
     *     to and the certificate must be valid for
     * @param port where the TLS listener binds (all interfaces)
     * @param certFile PEM certificate (chain)
     * @param keyFile PEM private key
     */
    public record TurnTls(String domain, int port, Path certFile, Path keyFile) {}

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
                FreePorts.tcp(), FreePorts.tcp(), FreePorts.udp(), Map.of(apiKey, secret), List.of(), null, 0, null);
    }

    /** The same server on newly chosen free ports (the TURN ports only if TURN is on). */
    public LiveKitServerConfig withFreshPorts() {
        return new LiveKitServerConfig(
                FreePorts.tcp(),
                FreePorts.tcp(),
                FreePorts.udp(),
                keys,
                webhookUrls,
                redisAddress,
                turnUdpPort == 0 ? 0 : FreePorts.udp(),
                turnTls == null
                        ? null
                        : new TurnTls(turnTls.domain(), FreePorts.tcp(), turnTls.certFile(), turnTls.keyFile()));
    }

    public LiveKitServerConfig withWebhookUrls(List<String> urls) {
        return new LiveKitServerConfig(httpPort, rtcTcpPort, udpPort, keys, urls, redisAddress, turnUdpPort, turnTls);
    }

    public LiveKitServerConfig withRedis(String address) {
        return new LiveKitServerConfig(httpPort, rtcTcpPort, udpPort, keys, webhookUrls, address, turnUdpPort, turnTls);
    }

    /**
     * With the embedded TURN server (UDP, on a free port), for relay-only clients. The server then
     * offers no loopback candidate: relay-only clients failed ICE with one in the list, and a
     * relayed path uses the host's own address anyway, so this needs a host with a non-loopback
     * address. The server lists the TURN server (with credentials) in every join response.
     */
    public LiveKitServerConfig withTurn() {
        return new LiveKitServerConfig(
                httpPort, rtcTcpPort, udpPort, keys, webhookUrls, redisAddress, FreePorts.udp(), turnTls);
    }

    /**
     * With the embedded TURN server listening for TLS on a free port (see {@link TurnTls}), as
     * clients behind firewalls that pass only TLS need; as with {@link #withTurn()}, the server then
     * offers no loopback candidate. Clients must trust the certificate, and reach port 443 of
     * {@code domain} at the listener's port (see {@link TurnTls}).
     */
    public LiveKitServerConfig withTurnTls(String domain, Path certFile, Path keyFile) {
        return new LiveKitServerConfig(
                httpPort,
                rtcTcpPort,
                udpPort,
                keys,
                webhookUrls,
                redisAddress,
                turnUdpPort,
                new TurnTls(domain, FreePorts.tcp(), certFile, keyFile));
    }

    /** Whether the embedded TURN server runs, over UDP, TLS or both. */
    public boolean turnEnabled() {
        return turnUdpPort > 0 || turnTls != null;
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
                        !turnEnabled()));
        if (turnEnabled()) {
            root.put("turn", turnYaml());
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

    private Map<String, Object> turnYaml() {
        Map<String, Object> turn = new LinkedHashMap<>();
        turn.put("enabled", true);
        if (turnUdpPort > 0) {
            turn.put("udp_port", turnUdpPort);
        }
        if (turnTls != null) {
            turn.put("domain", turnTls.domain());
            turn.put("tls_port", turnTls.port());
            turn.put("cert_file", turnTls.certFile().toString());
            turn.put("key_file", turnTls.keyFile().toString());
        }
        turn.put("relay_range_start", RELAY_PORTS_FROM);
        turn.put("relay_range_end", RELAY_PORTS_TO);
        // A relay forwards only to this server's own candidates; TURN refuses private peer
        // addresses unless allowed, which would fail every relayed call on a host whose address
        // is private (10/8, 172.16/12, 192.168/16 — most development machines).
        turn.put("allow_restricted_peer_cidrs", List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"));
        return turn;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
