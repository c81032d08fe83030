package dev.sofia.agents.livekit.data;

import java.time.Duration;

/**
 * One incoming RPC call.
 *
 * @param requestId the call's id, the same on both sides (for logs)
 * @param callerIdentity who called
 * @param payload the request payload (at most 15 KiB, typically JSON)
 * @param responseTimeout how long the caller waits for the response
 */
public record RpcInvocation(String requestId, String callerIdentity, String payload, Duration responseTimeout) {}
