package dev.sofia.agents.testkit.deepgram;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What {@link FakeDeepgramServer} saw on one streaming connection: the query parameters of the
 * handshake, the audio bytes, and the JSON control messages ({@code KeepAlive}, {@code Finalize},
 * {@code CloseStream}) in order. Safe to read from the test thread while the connection runs.
 */
public final class FakeDeepgramSession {

    private final Map<String, List<String>> query;
    private final String requestId;
    private final AtomicLong audioBytes = new AtomicLong();
    private final AtomicInteger loudestSample = new AtomicInteger();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private final AtomicInteger closeCode = new AtomicInteger(-1);

    FakeDeepgramSession(Map<String, List<String>> query, String requestId) {
        this.query = Map.copyOf(query);
        this.requestId = requestId;
    }

    /** All query parameters of the handshake, each with its values in order. */
    public Map<String, List<String>> query() {
        return query;
    }

    /** The first value of a query parameter, or {@code null}. */
    public @Nullable String param(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** Every value of a repeated parameter ({@code keyterm}). */
    public List<String> params(String name) {
        return query.getOrDefault(name, List.of());
    }

    /** The request id this session reports in its results and metadata. */
    public String requestId() {
        return requestId;
    }

    public long audioBytes() {
        return audioBytes.get();
    }

    /**
     * The largest absolute sample value received so far, reading the audio as 16-bit little-endian
     * PCM ({@code encoding=linear16}, what Sofia sends): 0 for pure silence, thousands for speech.
     * The fake's transcripts do not depend on the audio; this shows that sound did arrive.
     */
    public int loudestSample() {
        return loudestSample.get();
    }

    /** The text messages received, as sent. */
    public List<String> messages() {
        return List.copyOf(messages);
    }

    /** The {@code type} of each text message received, in order. */
    public List<String> messageTypes() {
        return messages.stream()
                .map(m -> DeepgramMessages.JSON.readTree(m).path("type").asString(""))
                .toList();
    }

    /** Waits until the connection is over (closed by either side, or dropped). */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The close code the server sent or received, or -1 if the connection was dropped or is open. */
    public int closeCode() {
        return closeCode.get();
    }

    int sampleRate() {
        String rate = param("sample_rate");
        return rate == null ? 16000 : Integer.parseInt(rate);
    }

    boolean flag(String name) {
        return "true".equals(param(name));
    }

    long addAudio(byte[] pcm) {
        int loudest = 0;
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            loudest = Math.max(loudest, Math.abs((short) ((pcm[i] & 0xFF) | (pcm[i + 1] << 8))));
        }
        int peak = loudest;
        loudestSample.accumulateAndGet(peak, Math::max);
        return audioBytes.addAndGet(pcm.length);
    }

    JsonNode addMessage(String text) {
        messages.add(text);
        return DeepgramMessages.JSON.readTree(text);
    }

    /** The first end counts: a dropped connection stays dropped whatever the peer does after. */
    synchronized void end(int code) {
        if (ended.getCount() > 0) {
            closeCode.set(code);
            ended.countDown();
        }
    }
}
