package dev.sofia.agents.livekit.data;

/**
 * Answers the calls of one RPC method. Runs on a virtual thread of its own per call and may block.
 * Returns the response payload (at most 15 KiB of UTF-8, else the caller gets
 * {@link RpcError#RESPONSE_PAYLOAD_TOO_LARGE}); throws {@link RpcError} to send that error; any
 * other exception reaches the caller as {@link RpcError#APPLICATION_ERROR} without its message.
 */
@FunctionalInterface
public interface RpcHandler {
    String handle(RpcInvocation invocation) throws Exception;
}
