package dev.sofia.agents.livekit;

import java.time.Duration;
import java.util.List;

/**
 * How a {@link Room} connects.
 *
 * @param autoSubscribe subscribe to every remote track as it is published
 * @param useServerIceServers use the STUN/TURN servers the join response lists; off for offline
 *     tests, where the server's default public STUN servers are unreachable
 * @param iceServers extra STUN/TURN servers, e.g. a TURN server for relay-only
 * @param relayOnly gather relay candidates only (ICE transport policy "relay"), to force TURN
 * @param disableUdp gather no UDP candidates, so media goes over ICE/TCP (or TURN over TCP/TLS)
 * @param connectTimeout how long {@link Room#connect} waits for the signal join and for both peer
 *     connections to come up
 */
public record RoomOptions(
        boolean autoSubscribe,
        boolean useServerIceServers,
        List<IceServer> iceServers,
        boolean relayOnly,
        boolean disableUdp,
        Duration connectTimeout) {

    public RoomOptions {
        iceServers = List.copyOf(iceServers);
        if (connectTimeout.isNegative() || connectTimeout.isZero()) {
            throw new IllegalArgumentException("connectTimeout must be positive: " + connectTimeout);
        }
    }

    /** Auto-subscribe, the server's ICE servers, UDP and TCP, 20 s to connect. */
    public static RoomOptions defaults() {
        return new RoomOptions(true, true, List.of(), false, false, Duration.ofSeconds(20));
    }

    public RoomOptions withAutoSubscribe(boolean value) {
        return new RoomOptions(value, useServerIceServers, iceServers, relayOnly, disableUdp, connectTimeout);
    }

    public RoomOptions withServerIceServers(boolean value) {
        return new RoomOptions(autoSubscribe, value, iceServers, relayOnly, disableUdp, connectTimeout);
    }

    public RoomOptions withIceServers(List<IceServer> value) {
        return new RoomOptions(autoSubscribe, useServerIceServers, value, relayOnly, disableUdp, connectTimeout);
    }

    public RoomOptions withRelayOnly(boolean value) {
        return new RoomOptions(autoSubscribe, useServerIceServers, iceServers, value, disableUdp, connectTimeout);
    }

    public RoomOptions withDisableUdp(boolean value) {
        return new RoomOptions(autoSubscribe, useServerIceServers, iceServers, relayOnly, value, connectTimeout);
    }

    public RoomOptions withConnectTimeout(Duration value) {
        return new RoomOptions(autoSubscribe, useServerIceServers, iceServers, relayOnly, disableUdp, value);
    }

    /** A STUN or TURN server; username and credential are empty for STUN. */
    public record IceServer(List<String> urls, String username, String credential) {
        public IceServer {
            urls = List.copyOf(urls);
        }
    }
}
