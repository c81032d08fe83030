package dev.sofia.agents.livekit.data;

import java.time.Duration;

/**
 * Limits and timeouts of a {@link RoomData}.
 *
 * @param maxStreamBytes largest received stream kept; a larger one is dropped and its reader fails
 *     with {@link DataStreamException.Reason#TOO_LARGE}. Bounds each stream's memory.
 * @param maxOpenStreams most received streams open at once; further headers are dropped the same way
 * @param rpcAckTimeout how long a call waits for the callee's ack before failing with
 *     {@link RpcError#CONNECTION_TIMEOUT} (7 s in client-sdk-js and rust-sdks)
 */
public record RoomDataOptions(long maxStreamBytes, int maxOpenStreams, Duration rpcAckTimeout) {

    public RoomDataOptions {
        if (maxStreamBytes <= 0 || maxOpenStreams <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        if (rpcAckTimeout.isNegative() || rpcAckTimeout.isZero()) {
            throw new IllegalArgumentException("rpcAckTimeout must be positive");
        }
    }

    /** 16 MiB per stream, 64 open streams, 7 s RPC ack timeout. */
    public static RoomDataOptions defaults() {
        return new RoomDataOptions(16L << 20, 64, Duration.ofSeconds(7));
    }

    public RoomDataOptions withMaxStreamBytes(long maxStreamBytes) {
        return new RoomDataOptions(maxStreamBytes, maxOpenStreams, rpcAckTimeout);
    }

    public RoomDataOptions withMaxOpenStreams(int maxOpenStreams) {
        return new RoomDataOptions(maxStreamBytes, maxOpenStreams, rpcAckTimeout);
    }

    public RoomDataOptions withRpcAckTimeout(Duration rpcAckTimeout) {
        return new RoomDataOptions(maxStreamBytes, maxOpenStreams, rpcAckTimeout);
    }
}
