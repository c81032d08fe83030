package dev.sofia.agents.livekit.data;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import livekit.LivekitModels.RpcAck;
import livekit.LivekitModels.RpcRequest;
import livekit.LivekitModels.RpcResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * RPC v1 ({@code rpc_request}, {@code rpc_ack}, {@code rpc_response} packets), both sides. The
 * caller fails a call with {@link RpcError#CONNECTION_TIMEOUT} when no ack arrives within the ack
 * timeout and with {@link RpcError#RESPONSE_TIMEOUT} when no response arrives within the response
 * timeout counted from the request (as client-sdk-js does). The callee acks on the delivery thread
 * and runs the handler on a virtual thread. Futures complete on virtual threads, so their dependent
 * stages never run on the delivery or timer thread.
 */
final class Rpc {

    static final int MAX_PAYLOAD_BYTES = 15_360;
    private static final int VERSION = 1;
    private static final Logger log = LoggerFactory.getLogger(Rpc.class);

    private static final class Pending {
        final String destination;
        final CompletableFuture<String> future = new CompletableFuture<>();
        final AtomicBoolean acked = new AtomicBoolean();
        volatile @Nullable ScheduledFuture<?> ackTimer;
        volatile @Nullable ScheduledFuture<?> responseTimer;

        Pending(String destination) {
            this.destination = destination;
        }
    }

    private final PacketSender sender;
    private final Duration ackTimeout;
    private final ScheduledThreadPoolExecutor timers;
    private final Map<String, RpcHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile boolean closed;

    Rpc(PacketSender sender, Duration ackTimeout) {
        this.sender = sender;
        this.ackTimeout = ackTimeout;
        this.timers = new ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().daemon().name("rpc-timers").factory());
        timers.setRemoveOnCancelPolicy(true);
    }

    void register(String method, RpcHandler handler) {
        if (handlers.putIfAbsent(method, handler) != null) {
            throw new IllegalStateException("an RPC handler for method '" + method + "' is already registered");
        }
    }

    void unregister(String method) {
        handlers.remove(method);
    }

    CompletableFuture<String> perform(String destination, String method, String payload, Duration responseTimeout) {
        if (destination.isEmpty() || method.isEmpty()) {
            throw new IllegalArgumentException("an RPC call needs a destination and a method");
        }
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("responseTimeout must be positive");
        }
        if (closed) {
            return CompletableFuture.failedFuture(RpcError.builtIn(RpcError.SEND_FAILED, "the room is closed"));
        }
        if (Utf8.length(payload) > MAX_PAYLOAD_BYTES) {
            return CompletableFuture.failedFuture(RpcError.builtIn(RpcError.REQUEST_PAYLOAD_TOO_LARGE));
        }
        String id = UUID.randomUUID().toString();
        var call = new Pending(destination);
        pending.put(id, call);
        call.ackTimer = timers.schedule(
                () -> {
                    if (!call.acked.get()) {
                        finish(id, null, RpcError.builtIn(RpcError.CONNECTION_TIMEOUT));
                    }
                },
                ackTimeout.toNanos(),
                TimeUnit.NANOSECONDS);
        call.responseTimer = timers.schedule(
                () -> finish(id, null, RpcError.builtIn(RpcError.RESPONSE_TIMEOUT)),
                responseTimeout.toNanos(),
                TimeUnit.NANOSECONDS);
        var request = RpcRequest.newBuilder()
                .setId(id)
                .setMethod(method)
                .setPayload(payload)
                .setResponseTimeoutMs((int) Math.min(Integer.MAX_VALUE, responseTimeout.toMillis()))
                .setVersion(VERSION);
        try {
            sender.send(PacketSender.packet(List.of(destination), null).setRpcRequest(request), true);
        } catch (RuntimeException e) {
            finish(id, null, RpcError.builtIn(RpcError.SEND_FAILED, String.valueOf(e.getMessage())));
        }
        return call.future;
    }

    void onAck(RpcAck ack) {
        Pending call = pending.get(ack.getRequestId());
        if (call == null) {
            log.debug("Ack for unknown RPC request {}", ack.getRequestId());
            return;
        }
        call.acked.set(true);
        cancel(call.ackTimer);
    }

    void onResponse(String senderIdentity, RpcResponse response) {
        Pending call = pending.get(response.getRequestId());
        if (call == null) {
            log.debug("Response for unknown RPC request {}", response.getRequestId());
            return;
        }
        if (!senderIdentity.isEmpty() && !senderIdentity.equals(call.destination)) {
            log.warn(
                    "Ignoring a response to RPC request {} from {}, not the callee {}",
                    response.getRequestId(),
                    senderIdentity,
                    call.destination);
            return;
        }
        switch (response.getValueCase()) {
            case ERROR -> finish(response.getRequestId(), null, RpcError.fromProto(response.getError()));
            case PAYLOAD -> finish(response.getRequestId(), response.getPayload(), null);
            // Compressed payloads belong to newer clients that only use them with peers announcing support.
            default ->
                finish(
                        response.getRequestId(),
                        null,
                        RpcError.builtIn(
                                RpcError.APPLICATION_ERROR,
                                "unsupported response encoding " + response.getValueCase()));
        }
    }

    void onRequest(String callerIdentity, RpcRequest request) {
        String id = request.getId();
        sender.send(
                PacketSender.packet(List.of(callerIdentity), null)
                        .setRpcAck(RpcAck.newBuilder().setRequestId(id)),
                true);
        if (request.getVersion() != VERSION) {
            respond(callerIdentity, id, null, RpcError.builtIn(RpcError.UNSUPPORTED_VERSION));
            return;
        }
        RpcHandler handler = handlers.get(request.getMethod());
        if (handler == null) {
            respond(callerIdentity, id, null, RpcError.builtIn(RpcError.UNSUPPORTED_METHOD));
            return;
        }
        var invocation = new RpcInvocation(
                id, callerIdentity, request.getPayload(), Duration.ofMillis(request.getResponseTimeoutMs()));
        Thread.ofVirtual()
                .name("rpc-" + request.getMethod())
                .start(() -> invoke(request.getMethod(), handler, invocation));
    }

    private void invoke(String method, RpcHandler handler, RpcInvocation invocation) {
        String caller = invocation.callerIdentity();
        try {
            String result = handler.handle(invocation);
            String payload = result != null ? result : "";
            if (Utf8.length(payload) > MAX_PAYLOAD_BYTES) {
                log.warn("RPC response to {} for '{}' is over {} bytes", caller, method, MAX_PAYLOAD_BYTES);
                respond(caller, invocation.requestId(), null, RpcError.builtIn(RpcError.RESPONSE_PAYLOAD_TOO_LARGE));
            } else {
                respond(caller, invocation.requestId(), payload, null);
            }
        } catch (RpcError e) {
            respond(caller, invocation.requestId(), null, e);
        } catch (Exception e) {
            // The exception's text stays here: it may say more than the caller should learn.
            log.warn("RPC handler for '{}' failed; answering APPLICATION_ERROR", method, e);
            respond(caller, invocation.requestId(), null, RpcError.builtIn(RpcError.APPLICATION_ERROR));
        }
    }

    private void respond(String caller, String requestId, @Nullable String payload, @Nullable RpcError error) {
        var response = RpcResponse.newBuilder().setRequestId(requestId);
        if (error != null) {
            response.setError(error.toProto());
        } else {
            response.setPayload(payload != null ? payload : "");
        }
        try {
            sender.send(PacketSender.packet(List.of(caller), null).setRpcResponse(response), true);
        } catch (RuntimeException e) {
            log.warn("Could not send the RPC response for {} to {}", requestId, caller, e);
        }
    }

    void onParticipantDisconnected(String identity) {
        pending.forEach((id, call) -> {
            if (call.destination.equals(identity)) {
                finish(id, null, RpcError.builtIn(RpcError.RECIPIENT_DISCONNECTED));
            }
        });
    }

    void close() {
        closed = true;
        pending.keySet()
                .forEach(id -> finish(id, null, RpcError.builtIn(RpcError.RECIPIENT_DISCONNECTED, "the room closed")));
        timers.shutdownNow();
    }

    private void finish(String id, @Nullable String payload, @Nullable RpcError error) {
        Pending call = pending.remove(id);
        if (call == null) {
            return;
        }
        cancel(call.ackTimer);
        cancel(call.responseTimer);
        Thread.ofVirtual().start(() -> {
            if (error != null) {
                call.future.completeExceptionally(error);
            } else {
                call.future.complete(payload);
            }
        });
    }

    private static void cancel(@Nullable ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
