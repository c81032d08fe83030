package dev.sofia.agents.testkit.deepgram;

import dev.sofia.agents.testkit.deepgram.DeepgramMessages.Word;
import dev.sofia.agents.testkit.deepgram.ListenSocket.Fault;
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
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

/**
 * A local stand-in for Deepgram's {@code /v1/listen}: the streaming WebSocket and the pre-recorded
 * {@code POST}, speaking Deepgram's real message formats. It checks {@code Authorization: Token
 * <key>} (401 otherwise), records what it received ({@link #sessions()}, {@link #prerecorded()}),
 * and answers with scripted {@link #utterances(String...)}, laid out on the audio timeline as the
 * client streams (see {@link ListenSocket} for exactly when each message goes out). Latency and
 * failures are configurable: {@link #transcriptLatency}, {@link #handshakeDelay}, {@link
 * #rejectRequests} (401/429/500 …), {@link #dropConnectionAfter} (no close frame) and {@link
 * #failAfter} (a Deepgram {@code Error} message, then a close frame).
 *
 * <p>Configure before the client connects; each fault applies to the next connection(s).
 */
public final class FakeDeepgramServer implements AutoCloseable {

    private final String apiKey;
    private final LoopbackWebSocketServer server;
    private final List<FakeDeepgramSession> sessions = new CopyOnWriteArrayList<>();
    private final List<ListenSocket> sockets = new CopyOnWriteArrayList<>();
    private final List<PrerecordedRequest> prerecorded = new CopyOnWriteArrayList<>();
    private final Queue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicInteger rejections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int rejectStatus;
    private volatile List<String> utterances = List.of();
    private volatile Duration speech = Duration.ofSeconds(1);
    private volatile Duration pause = Duration.ofMillis(500);
    private volatile Duration lead = Duration.ZERO;
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration handshakeDelay = Duration.ZERO;

    /** What one pre-recorded request carried. */
    public record PrerecordedRequest(Map<String, List<String>> query, String contentType, int bodyBytes) {}

    private FakeDeepgramServer(String apiKey) {
        this.apiKey = apiKey;
        this.server = LoopbackWebSocketServer.start(this::answer);
    }

    /** Starts a server on loopback that accepts {@code apiKey}. */
    public static FakeDeepgramServer start(String apiKey) {
        return new FakeDeepgramServer(apiKey);
    }

    /** The base URL to configure the client with, {@code ws://127.0.0.1:<port>}. */
    public URI baseUrl() {
        return server.baseUrl();
    }

    /** What the caller says, one utterance after another on the audio timeline. */
    public FakeDeepgramServer utterances(String... transcripts) {
        this.utterances = List.of(transcripts);
        return this;
    }

    /** How long each utterance and the pause after it last in the audio (default 1 s and 0.5 s). */
    public FakeDeepgramServer timing(Duration utterance, Duration pauseAfter) {
        this.speech = utterance;
        this.pause = pauseAfter;
        return this;
    }

    /**
     * How much audio passes before the first utterance begins (default 0): e.g. a phone caller
     * who is silent while the agent greets, whose stream carries that silence.
     */
    public FakeDeepgramServer startAfter(Duration silence) {
        this.lead = silence;
        return this;
    }

    /** How long after the audio that completes a mark its message goes out (default 0). */
    public FakeDeepgramServer transcriptLatency(Duration delay) {
        this.latency = delay;
        return this;
    }

    /** How long every request waits before it is answered or upgraded (default 0). */
    public FakeDeepgramServer handshakeDelay(Duration delay) {
        this.handshakeDelay = delay;
        return this;
    }

    /** Refuses the next {@code times} requests (handshakes or pre-recorded) with {@code status}. */
    public FakeDeepgramServer rejectRequests(int status, int times) {
        this.rejectStatus = status;
        this.rejections.set(times);
        return this;
    }

    /** The next connection breaks without a close frame once {@code audio} has been received. */
    public FakeDeepgramServer dropConnectionAfter(Duration audio) {
        faults.add(new Fault(audio, null, "dropped", -1));
        return this;
    }

    /**
     * The next connection, once {@code audio} has been received, sends Deepgram's {@code Error}
     * message (e.g. variant {@code DATA-0000}, close code 1008; {@code NET-0000}, 1011) and closes.
     */
    public FakeDeepgramServer failAfter(Duration audio, String variant, String description, int closeCode) {
        faults.add(new Fault(audio, variant, description, closeCode));
        return this;
    }

    /** The streaming connections accepted so far, in order. */
    public List<FakeDeepgramSession> sessions() {
        return List.copyOf(sessions);
    }

    /** Waits for streaming connection {@code index} (from 0) to be accepted. */
    public FakeDeepgramSession awaitSession(int index, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sessions.size() <= index) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no streaming connection #" + index + " within " + timeout);
            }
            Thread.sleep(10);
        }
        return sessions.get(index);
    }

    /** The pre-recorded requests accepted so far, in order. */
    public List<PrerecordedRequest> prerecorded() {
        return List.copyOf(prerecorded);
    }

    /** Every request that reached the server, refused ones included. */
    public int requestCount() {
        return requests.get();
    }

    @Override
    public void close() {
        sockets.forEach(ListenSocket::shutdown);
        server.close();
    }

    private MockResponse answer(RecordedRequest request) throws InterruptedException {
        requests.incrementAndGet();
        Thread.sleep(handshakeDelay);
        String requestId = UUID.randomUUID().toString();
        if (!request.getUrl().encodedPath().equals("/v1/listen")) {
            return error(404, "NOT_FOUND", "No such endpoint.", requestId);
        }
        if (!("Token " + apiKey).equals(request.getHeaders().get("Authorization"))) {
            return error(401, "INVALID_AUTH", "Invalid credentials.", requestId);
        }
        if (rejections.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return error(
                    rejectStatus, rejectStatus == 429 ? "TOO_MANY_REQUESTS" : "ERROR", "Scripted failure.", requestId);
        }
        Map<String, List<String>> query = query(request.getUrl());
        if ("websocket".equalsIgnoreCase(request.getHeaders().get("Upgrade"))) {
            FakeDeepgramSession session = new FakeDeepgramSession(query, requestId);
            int connection = request.getConnectionIndex();
            ListenSocket socket = new ListenSocket(
                    session,
                    utterances,
                    speech,
                    pause,
                    lead,
                    latency,
                    faults.poll(),
                    ws -> server.drop(connection, ws));
            sessions.add(session);
            sockets.add(socket);
            return new MockResponse.Builder()
                    .addHeader("dg-request-id", requestId)
                    .webSocketUpgrade(socket)
                    .build();
        }
        if (!request.getMethod().equals("POST")) {
            return error(405, "METHOD_NOT_ALLOWED", "Use POST or a WebSocket.", requestId);
        }
        return recognize(request, query, requestId);
    }

    private MockResponse recognize(RecordedRequest request, Map<String, List<String>> query, String requestId)
            throws InterruptedException {
        byte[] body =
                request.getBody() == null ? new byte[0] : request.getBody().toByteArray();
        prerecorded.add(new PrerecordedRequest(
                Map.copyOf(query), String.valueOf(request.getHeaders().get("Content-Type")), body.length));
        // a WAV header says the rate at byte 24; the PCM follows the 44-byte header
        int rate = body.length >= 44
                ? ByteBuffer.wrap(body).order(ByteOrder.LITTLE_ENDIAN).getInt(24)
                : 16000;
        double duration = Math.max(0, body.length - 44) / (2.0 * rate);
        String[] texts = String.join(" ", utterances).trim().split("\\s+");
        List<Word> words = new ArrayList<>();
        for (int i = 0; texts[0].length() > 0 && i < texts.length; i++) {
            words.add(new Word(texts[i], duration * i / texts.length, duration * (i + 1) / texts.length));
        }
        Thread.sleep(latency);
        String model = query.getOrDefault("model", List.of("nova-3")).getFirst();
        return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json")
                .addHeader("dg-request-id", requestId)
                .body(DeepgramMessages.prerecorded(requestId, model, words, duration))
                .build();
    }

    private static MockResponse error(int status, String code, String message, String requestId) {
        return new MockResponse.Builder()
                .code(status)
                .addHeader("Content-Type", "application/json")
                .body(DeepgramMessages.httpError(code, message, requestId))
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
