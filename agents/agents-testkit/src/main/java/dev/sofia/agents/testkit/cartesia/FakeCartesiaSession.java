package dev.sofia.agents.testkit.cartesia;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What {@link FakeCartesiaServer} saw and sent on one WebSocket: the handshake's query parameters
 * and version, every JSON request in order, and per context the text received and the exact PCM
 * sent back. Safe to read from the test thread while the connection runs.
 */
public final class FakeCartesiaSession {

    private final Map<String, List<String>> query;
    private final String version;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, StringBuilder> transcripts = new LinkedHashMap<>();
    private final Map<String, ByteArrayOutputStream> audio = new LinkedHashMap<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile int closeCode = -1;

    FakeCartesiaSession(Map<String, List<String>> query, String version) {
        this.query = Map.copyOf(query);
        this.version = version;
    }

    public Map<String, List<String>> query() {
        return query;
    }

    /** The API version the client asked for (header or query parameter). */
    public String version() {
        return version;
    }

    /** The JSON messages received, as sent. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The requests parsed, for asserting on fields. */
    public List<JsonNode> requestsJson() {
        return requests.stream().map(CartesiaWire.JSON::readTree).toList();
    }

    /** The context ids in the order their first request came. */
    public synchronized List<String> contexts() {
        return new ArrayList<>(transcripts.keySet());
    }

    /** All text received for a context, the pieces joined as sent. */
    public synchronized String transcript(String contextId) {
        StringBuilder text = transcripts.get(contextId);
        return text == null ? "" : text.toString();
    }

    /** The PCM sent for a context (decoded from its chunks), in order. */
    public synchronized byte[] audioSent(@Nullable String contextId) {
        ByteArrayOutputStream bytes = audio.get(contextId);
        return bytes == null ? new byte[0] : bytes.toByteArray();
    }

    /** Waits until the connection is over (closed by either side, or dropped). */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The close code of the closing handshake, or -1 if the connection was dropped or is open. */
    public int closeCode() {
        return closeCode;
    }

    synchronized void received(String json, String contextId, String transcript) {
        requests.add(json);
        transcripts.computeIfAbsent(contextId, id -> new StringBuilder()).append(transcript);
    }

    void receivedOther(String json) {
        requests.add(json);
    }

    synchronized void sent(String contextId, byte[] pcm) {
        audio.computeIfAbsent(contextId, id -> new ByteArrayOutputStream()).writeBytes(pcm);
    }

    /** The first end counts: a dropped connection stays dropped whatever the peer does after. */
    synchronized void end(int code) {
        if (ended.getCount() > 0) {
            closeCode = code;
            ended.countDown();
        }
    }
}
