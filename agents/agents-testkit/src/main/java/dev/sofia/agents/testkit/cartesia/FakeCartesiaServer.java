package dev.sofia.agents.testkit.cartesia;

import dev.sofia.agents.testkit.cartesia.TtsSocket.Fault;
import dev.sofia.agents.testkit.websocket.LoopbackWebSocketServer;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * A local stand-in for Cartesia's {@code /tts/websocket}, speaking Cartesia's real messages ({@code
 * chunk} with base64 PCM, {@code timestamps}, {@code done}, {@code error}). It checks the API key
 * ({@code X-API-Key}, {@code Authorization: Bearer} or {@code api_key}; 401 otherwise) and the
 * version ({@code Cartesia-Version} or {@code cartesia_version}; 400 otherwise), records every
 * request and the exact audio it sent per context ({@link #sessions()}), and synthesises
 * deterministic PCM ({@link #pcm}). Latency and failures are configurable: {@link
 * #firstChunkLatency}, {@link #chunkInterval}, {@link #handshakeDelay}, {@link #rejectRequests},
 * {@link #dropConnectionAfterChunks} (no close frame) and {@link #errorAfterChunks}.
 *
 * <p>Configure before the client connects; each fault applies to the next connection.
 */
public final class FakeCartesiaServer implements AutoCloseable {

    private final String apiKey;
    private final LoopbackWebSocketServer server;
    private final List<FakeCartesiaSession> sessions = new CopyOnWriteArrayList<>();
    private final List<TtsSocket> sockets = new CopyOnWriteArrayList<>();
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger rejections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int rejectStatus;
    private volatile Duration firstChunkLatency = Duration.ZERO;
    private volatile Duration chunkInterval = Duration.ZERO;
    private volatile Duration handshakeDelay = Duration.ZERO;
    private volatile int chunkBytes = 4800;

    private FakeCartesiaServer(String apiKey) {
        this.apiKey = apiKey;
        this.server = LoopbackWebSocketServer.start(this::answer);
    }

    /** Starts a server on loopback that accepts {@code apiKey}. */
    public static FakeCartesiaServer start(String apiKey) {
        return new FakeCartesiaServer(apiKey);
    }

    /**
     * The audio the fake speaks for {@code text}: 10 ms of 16-bit little-endian mono PCM per
     * character, a pattern that depends on the character and its position, so tests can tell
     * texts and pieces apart.
     */
    public static byte[] pcm(String text, int sampleRate) {
        int perChar = sampleRate / 100;
        ByteBuffer pcm = ByteBuffer.allocate(text.length() * perChar * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int c = 0; c < text.length(); c++) {
            for (int i = 0; i < perChar; i++) {
                pcm.putShort((short) ((text.charAt(c) * 37 + i * 11 + c * 3) % 4000 - 2000));
            }
        }
        return pcm.array();
    }

    /** The base URL to configure the client with, {@code ws://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return server.baseUrl();
    }

    /** Time from a context's first request to its first answer (default 0). */
    public FakeCartesiaServer firstChunkLatency(Duration delay) {
        this.firstChunkLatency = delay;
        return this;
    }

    /** Time between the chunks of one request (default 0). */
    public FakeCartesiaServer chunkInterval(Duration interval) {
        this.chunkInterval = interval;
        return this;
    }

    /** The largest chunk in bytes of PCM (default 4800, 100 ms at 24 kHz). */
    public FakeCartesiaServer chunkBytes(int bytes) {
        this.chunkBytes = bytes;
        return this;
    }

    /** How long every handshake waits before it is answered (default 0). */
    public FakeCartesiaServer handshakeDelay(Duration delay) {
        this.handshakeDelay = delay;
        return this;
    }

    /** Refuses the next {@code times} handshakes with {@code status}. */
    public FakeCartesiaServer rejectRequests(int status, int times) {
        this.rejectStatus = status;
        this.rejections.set(times);
        return this;
    }

    /** The next connection breaks without a close frame instead of sending chunk {@code n + 1}. */
    public FakeCartesiaServer dropConnectionAfterChunks(int n) {
        faults.add(new Fault(n, 0, null));
        return this;
    }

    /** The next connection answers with an {@code error} (this status) instead of chunk {@code n + 1}. */
    public FakeCartesiaServer errorAfterChunks(int n, int status, String message) {
        faults.add(new Fault(n, status, message));
        return this;
    }

    /** The connections accepted so far, in order. */
    public List<FakeCartesiaSession> sessions() {
        return List.copyOf(sessions);
    }

    /** Every handshake that reached the server, refused ones included. */
    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        sockets.forEach(TtsSocket::shutdown);
        server.close();
    }

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        requests.incrementAndGet();
        Thread.sleep(handshakeDelay);
        HttpUrl url = request.getUrl();
        if (!url.encodedPath().equals("/tts/websocket")) {
            return error(404, "Not found");
        }
        if (!apiKey.equals(key(request))) {
            return error(401, "Invalid API key");
        }
        String version = request.getHeaders().get("Cartesia-Version");
        if (url.queryParameter("cartesia_version") != null) {
            version = url.queryParameter("cartesia_version"); // the parameter wins, as Cartesia documents
        }
        if (version == null || version.isBlank()) {
            return error(400, "Cartesia-Version header or cartesia_version parameter required");
        }
        if (rejections.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error(rejectStatus, "Scripted failure");
        }
        if (!"websocket".equalsIgnoreCase(request.getHeaders().get("Upgrade"))) {
            return error(400, "WebSocket upgrade expected");
        }
        FakeCartesiaSession session = new FakeCartesiaSession(query(url), version);
        int connection = request.getConnectionIndex();
        TtsSocket socket = new TtsSocket(
                session,
                firstChunkLatency,
                chunkInterval,
                chunkBytes,
                faults.poll(),
                ws -> server.drop(connection, ws));
        sessions.add(session);
        sockets.add(socket);
        return new MockResponse.Builder().webSocketUpgrade(socket).build();
    }

    private static @Nullable String key(RecordedRequest request) {
        String header = request.getHeaders().get("X-API-Key");
        String bearer = request.getHeaders().get("Authorization");
        if (header == null && bearer != null && bearer.startsWith("Bearer ")) {
            header = bearer.substring("Bearer ".length());
        }
        return header != null ? header : request.getUrl().queryParameter("api_key");
    }

    private static MockResponse error(int status, String message) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(CartesiaWire.httpError(message))
                .build();
    }

    private static Map<String, List<String>> query(HttpUrl url) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        for (String name : url.queryParameterNames()) {
            List<String> values = new ArrayList<>();
            for (String value : url.queryParameterValues(name)) {
                values.add(value == null ? "" : value);
            }
            query.put(name, List.copyOf(values));
        }
        return query;
    }
}
