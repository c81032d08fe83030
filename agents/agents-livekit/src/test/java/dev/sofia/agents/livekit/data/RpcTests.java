package dev.sofia.agents.livekit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import livekit.LivekitModels.DataPacket;
import livekit.LivekitModels.RpcRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RpcTests {

    private final LoopbackRoom room = new LoopbackRoom();
    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void close() {
        release.countDown();
        room.close();
    }

    @Test
    void callsGoBothWays() throws Exception {
        RoomData agent = room.join("agent");
        RoomData user = room.join("user");
        var invocation = new CompletableFuture<RpcInvocation>();
        var onVirtualThread = new CompletableFuture<Boolean>();
        agent.registerRpcMethod("book", call -> {
            invocation.complete(call);
            onVirtualThread.complete(Thread.currentThread().isVirtual());
            return "booked " + call.payload();
        });
        user.registerRpcMethod("confirm", call -> "ja, " + call.callerIdentity());

        assertThat(user.performRpc("agent", "book", "{\"slot\":\"9:30\"}", Duration.ofSeconds(10))
                        .get(10, TimeUnit.SECONDS))
                .isEqualTo("booked {\"slot\":\"9:30\"}");
        assertThat(agent.performRpc("user", "confirm", "?").get(10, TimeUnit.SECONDS))
                .isEqualTo("ja, agent");

        RpcInvocation call = invocation.get(10, TimeUnit.SECONDS);
        assertThat(call.callerIdentity()).isEqualTo("user");
        assertThat(call.responseTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(call.requestId())
                .isEqualTo(room.sentBy("user", DataPacket.ValueCase.RPC_REQUEST)
                        .getFirst()
                        .getRpcRequest()
                        .getId());
        assertThat(onVirtualThread.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void theCalleeAcksBeforeItsHandlerFinishes() throws Exception {
        RoomData agent = room.join("agent");
        RoomData user = room.join("user");
        agent.registerRpcMethod("slow", call -> {
            release.await();
            return "done";
        });

        CompletableFuture<String> result = user.performRpc("agent", "slow", "");
        room.awaitDelivered();

        assertThat(room.sentBy("agent", DataPacket.ValueCase.RPC_ACK)).hasSize(1);
        assertThat(room.sentBy("agent", DataPacket.ValueCase.RPC_RESPONSE)).isEmpty();
        release.countDown();
        assertThat(result.get(10, TimeUnit.SECONDS)).isEqualTo("done");
    }

    @Test
    void handlerErrorsReachTheCallerWithCodeMessageAndData() throws Exception {
        RoomData agent = room.join("agent");
        RoomData user = room.join("user");
        agent.registerRpcMethod("book", call -> {
            throw new RpcError(4001, "Slot taken", "{\"next\":\"10:00\"}");
        });
        agent.registerRpcMethod("crash", call -> {
            throw new IllegalStateException("database password is hunter2");
        });

        RpcError taken = failure(user.performRpc("agent", "book", ""));
        assertThat(taken.code()).isEqualTo(4001);
        assertThat(taken.getMessage()).isEqualTo("Slot taken");
        assertThat(taken.data()).isEqualTo("{\"next\":\"10:00\"}");

        RpcError crash = failure(user.performRpc("agent", "crash", ""));
        assertThat(crash.code()).isEqualTo(RpcError.APPLICATION_ERROR);
        assertThat(crash.toString()).doesNotContain("hunter2");
    }

    @Test
    void unknownMethodIsUnsupported() throws Exception {
        room.join("agent");
        RoomData user = room.join("user");

        assertThat(failure(user.performRpc("agent", "nope", "")).code()).isEqualTo(RpcError.UNSUPPORTED_METHOD);
    }

    @Test
    void oversizedRequestFailsWithoutSending() throws Exception {
        room.join("agent").registerRpcMethod("echo", RpcInvocation::payload);
        RoomData user = room.join("user");

        String fits = "ж".repeat(15_360 / 2);
        assertThat(user.performRpc("agent", "echo", fits).get(10, TimeUnit.SECONDS))
                .isEqualTo(fits);
        assertThat(failure(user.performRpc("agent", "echo", fits + "x")).code())
                .isEqualTo(RpcError.REQUEST_PAYLOAD_TOO_LARGE);
        assertThat(room.sentBy("user", DataPacket.ValueCase.RPC_REQUEST)).hasSize(1);
    }

    @Test
    void oversizedResponseIsReplacedByAnError() throws Exception {
        room.join("agent").registerRpcMethod("dump", call -> "x".repeat(15_361));
        RoomData user = room.join("user");

        assertThat(failure(user.performRpc("agent", "dump", "")).code()).isEqualTo(RpcError.RESPONSE_PAYLOAD_TOO_LARGE);
    }

    @Test
    void noResponseInTimeIsAResponseTimeout() throws Exception {
        room.join("agent").registerRpcMethod("slow", call -> {
            release.await();
            return "too late";
        });
        RoomData user = room.join("user");

        assertThat(failure(user.performRpc("agent", "slow", "", Duration.ofMillis(300)))
                        .code())
                .isEqualTo(RpcError.RESPONSE_TIMEOUT);
    }

    @Test
    void noAckInTimeIsAConnectionTimeout() throws Exception {
        room.join("agent").registerRpcMethod("echo", RpcInvocation::payload);
        RoomData user = room.join("user", RoomDataOptions.defaults().withRpcAckTimeout(Duration.ofMillis(200)));
        room.drop(sent -> sent.packet().hasRpcRequest());

        assertThat(failure(user.performRpc("agent", "echo", "", Duration.ofSeconds(30)))
                        .code())
                .isEqualTo(RpcError.CONNECTION_TIMEOUT);
    }

    @Test
    void calleeLeavingFailsPendingCalls() throws Exception {
        var started = new CountDownLatch(1);
        room.join("agent").registerRpcMethod("slow", call -> {
            started.countDown();
            release.await();
            return "never delivered";
        });
        RoomData user = room.join("user");

        CompletableFuture<String> call = user.performRpc("agent", "slow", "", Duration.ofSeconds(30));
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        room.leave("agent");

        assertThat(failure(call).code()).isEqualTo(RpcError.RECIPIENT_DISCONNECTED);
    }

    @Test
    void unsupportedRequestVersionIsRefused() throws Exception {
        RoomData agent = room.join("agent");
        agent.registerRpcMethod("echo", RpcInvocation::payload);
        room.join("user");

        agent.onPacket(DataPacket.newBuilder()
                .setParticipantIdentity("user")
                .setRpcRequest(
                        RpcRequest.newBuilder().setId("r1").setMethod("echo").setVersion(2))
                .build());
        room.awaitDelivered();

        var response = room.sentBy("agent", DataPacket.ValueCase.RPC_RESPONSE).getFirst();
        assertThat(response.getDestinationIdentitiesList()).containsExactly("user");
        assertThat(response.getRpcResponse().getError().getCode()).isEqualTo(RpcError.UNSUPPORTED_VERSION);
        assertThat(room.sentBy("agent", DataPacket.ValueCase.RPC_ACK)).hasSize(1);
    }

    @Test
    void aResponseFromSomeoneElseIsIgnored() throws Exception {
        room.join("agent").registerRpcMethod("slow", call -> {
            release.await();
            return "real";
        });
        RoomData user = room.join("user");
        room.join("mallory");

        CompletableFuture<String> call = user.performRpc("agent", "slow", "");
        room.awaitDelivered();
        String id = room.sentBy("user", DataPacket.ValueCase.RPC_REQUEST)
                .getFirst()
                .getRpcRequest()
                .getId();
        user.onPacket(DataPacket.newBuilder()
                .setParticipantIdentity("mallory")
                .setRpcResponse(livekit.LivekitModels.RpcResponse.newBuilder()
                        .setRequestId(id)
                        .setPayload("fake"))
                .build());
        release.countDown();

        assertThat(call.get(10, TimeUnit.SECONDS)).isEqualTo("real");
    }

    @Test
    void oneHandlerPerMethod() {
        RoomData agent = room.join("agent");
        agent.registerRpcMethod("m", call -> "");
        assertThatThrownBy(() -> agent.registerRpcMethod("m", call -> "")).isInstanceOf(IllegalStateException.class);
        agent.unregisterRpcMethod("m");
        agent.registerRpcMethod("m", call -> "");
    }

    @Test
    void errorMessageAndDataAreCutAtTheirLimits() {
        var error = new RpcError(1, "ж".repeat(200), "😀".repeat(5_000));
        assertThat(error.getMessage()).hasSize(128);
        assertThat(error.data()).hasSize(2 * (15_360 / 4));
    }

    private static RpcError failure(CompletableFuture<String> call) throws Exception {
        try {
            String result = call.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected an RpcError, got " + result);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(RpcError.class);
            return (RpcError) e.getCause();
        }
    }
}
