package dev.sofia.agents.voice;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Timings of one reply, each {@code null} when it does not apply (e.g. a greeting has no end of
 * speech): {@code endOfUtteranceDelay} from the end of the caller's speech to the turn being
 * committed; {@code transcriptionDelay} from the end of speech to the final transcript; {@code
 * llmTimeToFirstToken} and {@code ttsTimeToFirstByte} of the reply's first step and sentence;
 * {@code responseLatency} from the end of speech to the first frame of the reply played.
 */
public record TurnMetrics(
        String replyId,
        @Nullable Duration endOfUtteranceDelay,
        @Nullable Duration transcriptionDelay,
        @Nullable Duration llmTimeToFirstToken,
        @Nullable Duration ttsTimeToFirstByte,
        @Nullable Duration responseLatency,
        boolean interrupted,
        int toolCalls) {}
