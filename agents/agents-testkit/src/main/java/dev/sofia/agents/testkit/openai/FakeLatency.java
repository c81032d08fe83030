package dev.sofia.agents.testkit.openai;

import java.time.Duration;

/**
 * How slowly the fake answers. {@code timeToFirstToken}: from the request to the first chat chunk
 * (response headers are sent at once, as OpenAI does) and to a transcription's answer; {@code
 * betweenTokens}: between chat chunks; {@code timeToFirstAudioByte}: from a speech request to its
 * first audio; {@code betweenAudioChunks}: between audio chunks.
 */
public record FakeLatency(
        Duration timeToFirstToken, Duration betweenTokens, Duration timeToFirstAudioByte, Duration betweenAudioChunks) {

    /** No delays at all. */
    public static final FakeLatency NONE = new FakeLatency(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public FakeLatency withTimeToFirstToken(Duration delay) {
        return new FakeLatency(delay, betweenTokens, timeToFirstAudioByte, betweenAudioChunks);
    }

    public FakeLatency withBetweenTokens(Duration delay) {
        return new FakeLatency(timeToFirstToken, delay, timeToFirstAudioByte, betweenAudioChunks);
    }

    public FakeLatency withTimeToFirstAudioByte(Duration delay) {
        return new FakeLatency(timeToFirstToken, betweenTokens, delay, betweenAudioChunks);
    }

    public FakeLatency withBetweenAudioChunks(Duration delay) {
        return new FakeLatency(timeToFirstToken, betweenTokens, timeToFirstAudioByte, delay);
    }
}
