package dev.sofia.livekit.local;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a local {@code livekit-sip} is started with: the livekit-server and Redis it works with (the
 * same Redis as the server: trunks, dispatch rules and calls are exchanged through it), its SIP and
 * RTP ports, and its health port. Everything on loopback: SIP and SDP announce 127.0.0.1 and no
 * public address is looked up. Written as JSON, which livekit-sip's YAML parser reads.
 *
 * @param apiKey a key livekit-server accepts
 * @param apiSecret its secret
 * @param wsUrl the server's {@code ws://} URL
 * @param redisAddress {@code host:port} of the server's Redis
 * @param sipPort SIP over UDP and TCP
 * @param rtpPortStart first RTP port (UDP)
 * @param rtpPortEnd last RTP port
 * @param healthPort {@code GET /} answers 200 while the service is healthy
 * @param prometheusPort {@code GET /metrics}: livekit-sip's Prometheus metrics (e.g. {@code
 *     livekit_sip_invite_error_total} by reason)
 */
public record LiveKitSipConfig(
        String apiKey,
        String apiSecret,
        String wsUrl,
        String redisAddress,
        int sipPort,
        int rtpPortStart,
        int rtpPortEnd,
        int healthPort,
        int prometheusPort) {

    /**
     * RTP ports per config. livekit-sip binds one even port per call (RFC 3550: only half the range
     * is usable) and, after the call, keeps it draining for 30 s without packets; so when 20 calls
     * start just after 10 others ended, 30 even ports are taken, and ephemeral ports of other
     * programs (the callers' RTP listeners) may fall into the range as well. With 60 ports the 20
     * calls of the phone benchmark's last step found 14 free, the other 6 were refused (500).
     * 200 even ports leave room for that and more.
     */
    private static final int RTP_PORTS = 400;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A config for this server and Redis on freshly chosen free ports. */
    public static LiveKitSipConfig forServer(LiveKitServerConfig server, String redisAddress) {
        int[] rtp = FreePorts.udpRange(RTP_PORTS);
        return new LiveKitSipConfig(
                server.apiKey(),
                server.apiSecret(),
                server.wsUrl(),
                redisAddress,
                FreePorts.tcp(),
                rtp[0],
                rtp[1],
                FreePorts.tcp(),
                FreePorts.tcp());
    }

    /** The same config on newly chosen free ports. */
    public LiveKitSipConfig withFreshPorts() {
        int[] rtp = FreePorts.udpRange(RTP_PORTS);
        return new LiveKitSipConfig(
                apiKey,
                apiSecret,
                wsUrl,
                redisAddress,
                FreePorts.tcp(),
                rtp[0],
                rtp[1],
                FreePorts.tcp(),
                FreePorts.tcp());
    }

    /** The config file's content. */
    public String toYaml() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("api_key", apiKey);
        config.put("api_secret", apiSecret);
        config.put("ws_url", wsUrl);
        config.put("redis", Map.of("address", redisAddress));
        config.put("sip_port", sipPort);
        config.put("rtp_port", rtpPortStart + "-" + rtpPortEnd);
        config.put("health_port", healthPort);
        config.put("prometheus_port", prometheusPort);
        // loopback only: listen there, announce it in SIP and SDP, never ask STUN for a public address
        config.put("listen_ip", "127.0.0.1");
        config.put("use_external_ip", false);
        config.put("nat_1_to_1_ip", "127.0.0.1");
        config.put("logging", Map.of("level", "debug"));
        return JSON.writeValueAsString(config);
    }

    /** The {@code host:port} a SIP client sends its INVITEs to. */
    public String sipAddress() {
        return "127.0.0.1:" + sipPort;
    }

    @Override
    public String toString() {
        return "LiveKitSipConfig[sip=" + sipAddress() + ", rtp=" + rtpPortStart + "-" + rtpPortEnd + ", health="
                + healthPort + ", ws=" + wsUrl + ", redis=" + redisAddress + "]"; // no secret
    }
}
