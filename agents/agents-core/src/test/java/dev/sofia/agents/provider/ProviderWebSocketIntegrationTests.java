package dev.sofia.agents.provider;

import static dev.sofia.agents.provider.ScriptedWebSocketServer.BINARY;
import static dev.sofia.agents.provider.ScriptedWebSocketServer.CLOSE;
import static dev.sofia.agents.provider.ScriptedWebSocketServer.TEXT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.agents.provider.ScriptedWebSocketServer.Frame;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class ProviderWebSocketIntegrationTests {

    sealed interface Event {}

    record Text(String message) implements Event {}

    record Closed(int code, String reason) implements Event {}

    record Failed(ProviderException error) implements Event {}

    record Note(String what) implements Event {}

    private static final ProviderWebSocket.Events<Event> EVENTS =
            new ProviderWebSocket.Events<>(Text::new, Closed::new, Failed::new);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Duration LONG = Duration.ofSeconds(10);

    private final HttpClient client = HttpClient.newHttpClient();
    private final ScriptedWebSocketServer server = new ScriptedWebSocketServer();

    ProviderWebSocketIntegrationTests() throws Exception {}

    @AfterEach
    void stop() throws Exception {
        server.close();
        client.shutdownNow(); // close() would wait for sockets a test left open
    }

    private ProviderWebSocket<Event> open(Duration timeout) throws InterruptedException {
        return open(server.uri(), timeout);
    }

    private ProviderWebSocket<Event> open(URI uri, Duration timeout) throws InterruptedException {
        return ProviderWebSocket.open(
                client, uri, Map.of("X-Api-Key", "k-1", "X-Version", "7"), "test.ws", timeout, EVENTS);
    }

    @Test
    void sendsTheHeadersAndDeliversEachWholeTextMessageInOrder() throws Exception {
        List<String> headers = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> script = server.serve(c -> {
            headers.add(c.header("X-Api-Key"));
            headers.add(c.header("X-Version"));
            c.upgrade();
            c.frame(false, TEXT, "hel".getBytes(StandardCharsets.UTF_8));
            c.frame(true, 0x0, "lo".getBytes(StandardCharsets.UTF_8)); // continuation
            c.frame(true, BINARY, new byte[] {1, 2, 3}); // ignored
            c.text("x".repeat(200_000)); // the JDK hands this over in parts
            c.text("last");
            c.awaitEnd();
        });
        ProviderWebSocket<Event> socket = open(TIMEOUT);

        assertThat(socket.poll(LONG)).isEqualTo(new Text("hello"));
        assertThat(socket.poll(LONG)).isEqualTo(new Text("x".repeat(200_000)));
        assertThat(socket.poll(LONG)).isEqualTo(new Text("last"));
        assertThat(headers).containsExactly("k-1", "7");
        socket.abort();
        script.get(10, TimeUnit.SECONDS);
    }

    @Test
    void postedEventsQueueBehindTheReceivedOnes() throws Exception {
        CountDownLatch sent = new CountDownLatch(1);
        server.serve(c -> {
            c.upgrade();
            c.text("first");
            sent.countDown();
            c.awaitEnd();
        });
        ProviderWebSocket<Event> socket = open(TIMEOUT);
        sent.await();
        Thread.sleep(200);

        socket.post(new Note("input ended"));

        assertThat(socket.take()).isEqualTo(new Text("first"));
        assertThat(socket.take()).isEqualTo(new Note("input ended"));
        assertThat(socket.poll(Duration.ofMillis(50))).isNull();
        socket.abort();
    }

    @Test
    void concurrentSendsGoOutOneAtATimeAsWholeMessages() throws Exception {
        int threads = 4;
        int each = 50;
        CompletableFuture<List<Frame>> received = new CompletableFuture<>();
        server.serve(c -> {
            c.upgrade();
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < threads * each + 1; i++) {
                frames.add(c.read());
            }
            received.complete(frames);
            c.awaitEnd();
        });
        ProviderWebSocket<Event> socket = open(TIMEOUT);

        List<Thread> senders = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int sender = t;
            senders.add(Thread.ofVirtual().start(() -> {
                try {
                    for (int i = 0; i < each; i++) {
                        socket.sendText(sender + ":" + i);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        for (Thread sender : senders) {
            sender.join();
        }
        socket.sendBinary(new byte[] {7, 8});

        List<Frame> frames = received.get(10, TimeUnit.SECONDS);
        assertThat(frames).allMatch(Frame::fin);
        assertThat(frames.subList(0, threads * each))
                .extracting(Frame::text)
                .hasSize(threads * each)
                .doesNotHaveDuplicates();
        assertThat(frames.getLast().opcode()).isEqualTo(BINARY);
        assertThat(frames.getLast().payload()).containsExactly(7, 8);
        socket.abort();
    }

    @Test
    void aRefusedHandshakeIsAStatusException() {
        server.serve(c -> c.refuse(401, "invalid API key"));

        assertThatThrownBy(() -> open(TIMEOUT)).isInstanceOfSatisfying(ProviderStatusException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.retryable()).isFalse();
            assertThat(e.provider()).isEqualTo("test.ws");
        });
    }

    @Test
    void aHandshakeWithoutAnswerTimesOut() {
        server.serve(ScriptedWebSocketServer.Connection::awaitEnd);

        assertThatThrownBy(() -> open(Duration.ofMillis(300)))
                .isInstanceOf(ProviderTimeoutException.class)
                .hasMessageContaining("WebSocket handshake");
    }

    @Test
    void nothingListeningIsAConnectionException() throws Exception {
        URI closedPort;
        try (ServerSocket gone = new ServerSocket(0)) {
            closedPort = URI.create("ws://127.0.0.1:" + gone.getLocalPort() + "/socket");
        }

        assertThatThrownBy(() -> open(closedPort, TIMEOUT))
                .isInstanceOfSatisfying(
                        ProviderConnectionException.class,
                        e -> assertThat(e.retryable()).isTrue());
    }

    @Test
    void theServersCloseFrameIsTheClosedEvent() throws Exception {
        server.serve(c -> {
            c.upgrade();
            c.text("bye");
            c.closeFrame(1011, "overloaded");
            c.awaitEnd();
        });
        ProviderWebSocket<Event> socket = open(TIMEOUT);

        assertThat(socket.poll(LONG)).isEqualTo(new Text("bye"));
        assertThat(socket.poll(LONG)).isEqualTo(new Closed(1011, "overloaded"));
        socket.abort();
    }

    @Test
    void aTcpCloseWithoutCloseFrameIsAnAbnormalClose() throws Exception {
        server.serve(c -> {
            c.upgrade();
            c.text("partial results");
            c.read(); // a close at once could overtake the message: see aConnectionCutMidFrame…
        });
        ProviderWebSocket<Event> socket = open(TIMEOUT);

        assertThat(socket.poll(LONG)).isEqualTo(new Text("partial results"));
        socket.sendText("got it");
        assertThat(socket.poll(LONG)).isEqualTo(new Closed(1006, ""));
    }

    @Test
    void aConnectionCutMidFrameEndsWithoutThePartialMessage() throws Exception {
        server.serve(c -> {
            c.upgrade();
            c.text("whole");
            c.read();
            c.cutFrame(TEXT, "{\"never\":\"finished\"}".getBytes(StandardCharsets.UTF_8), 8);
        });
        ProviderWebSocket<Event> socket = open(TIMEOUT);

        assertThat(socket.poll(LONG)).isEqualTo(new Text("whole"));
        socket.sendText("got it");
        Event end = socket.poll(Duration.ofSeconds(2));
        if (end == null) {
            // the JDK may miss this end altogether (an InternalError on its own thread): a send notices
            assertThatThrownBy(() -> {
                        for (int i = 0; i < 100; i++) {
                            socket.sendText("still there?");
                            Thread.sleep(20);
                        }
                    })
                    .isInstanceOf(ProviderConnectionException.class);
        } else {
            // or it reports an abnormal close, or that InternalError on the listener's thread
            assertThat(end)
                    .satisfiesAnyOf(
                            e -> assertThat(e).isEqualTo(new Closed(1006, "")),
                            e -> assertThat(e)
                                    .isInstanceOfSatisfying(
                                            Failed.class,
                                            failed -> assertThat(failed.error())
                                                    .isInstanceOf(ProviderConnectionException.class)));
            assertThat(socket.poll(Duration.ofMillis(100))).isNull();
        }
        socket.abort();
    }

    @Test
    void closeSendsANormalCloseFrame() throws Exception {
        CompletableFuture<Frame> received = new CompletableFuture<>();
        server.serve(c -> {
            c.upgrade();
            received.complete(c.read());
            c.closeFrame(1000, "");
            c.awaitEnd();
        });
        ProviderWebSocket<Event> socket = open(TIMEOUT);

        socket.close();

        Frame close = received.get(10, TimeUnit.SECONDS);
        assertThat(close.opcode()).isEqualTo(CLOSE);
        assertThat(ByteBuffer.wrap(close.payload()).getShort()).isEqualTo((short) 1000);
        assertThat(socket.poll(LONG)).isEqualTo(new Closed(1000, ""));
        socket.close(); // output closed already: nothing to do
    }

    @Test
    void aSendThatCannotGoOutTimesOut() throws Exception {
        CountDownLatch end = new CountDownLatch(1);
        server.serve(c -> {
            c.upgrade();
            end.await(); // reads nothing: the client's buffers fill up
        });
        ProviderWebSocket<Event> socket = open(Duration.ofMillis(500));
        try {
            assertThatThrownBy(() -> socket.sendBinary(new byte[64 << 20]))
                    .isInstanceOf(ProviderTimeoutException.class)
                    .hasMessageContaining("sending");
        } finally {
            socket.abort();
            end.countDown();
        }
    }
}
