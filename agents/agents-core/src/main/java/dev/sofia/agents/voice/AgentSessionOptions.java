package dev.sofia.agents.voice;

import java.time.Duration;

/**
 * How the session takes turns.
 *
 * <p>Endpointing: the caller's turn ends {@code minEndpointingDelay} after the end of their speech
 * (VAD or the recogniser, whichever says so first), or {@code maxEndpointingDelay} when the words so
 * far sound unfinished ("…und", "…aber", a trailing comma). With {@code preemptiveGeneration} the
 * reply is already being generated during that wait (and thrown away if the caller goes on).
 *
 * <p>Interruptions: while the agent speaks, caller speech of {@code minInterruptionDuration} pauses
 * the agent at the next frame; it becomes an interruption once {@code minInterruptionWords} were
 * recognised (0: at once); if no words come within {@code falseInterruptionTimeout} after the caller
 * fell silent, it was a cough and the agent goes on.
 *
 * <p>Tools: at most {@code maxToolSteps} rounds of tool calls per reply; a tool running longer than
 * {@code toolFillerDelay} makes the agent say a filler phrase. After {@code userAwayTimeout} of
 * silence the agent asks whether the caller is still there, after another it says goodbye. After
 * {@code maxUnrecoverableErrors} failures that fallbacks could not cover, the session ends politely.
 */
public record AgentSessionOptions(
        Duration minEndpointingDelay,
        Duration maxEndpointingDelay,
        boolean preemptiveGeneration,
        boolean allowInterruptions,
        Duration minInterruptionDuration,
        int minInterruptionWords,
        Duration falseInterruptionTimeout,
        int maxToolSteps,
        Duration toolFillerDelay,
        Duration userAwayTimeout,
        int maxUnrecoverableErrors,
        String language) {

    public static final AgentSessionOptions DEFAULT = new AgentSessionOptions(
            Duration.ofMillis(500),
            Duration.ofMillis(3000),
            true,
            true,
            Duration.ofMillis(500),
            0,
            Duration.ofMillis(2000),
            3,
            Duration.ofMillis(1500),
            Duration.ofSeconds(15),
            3,
            "de");

    public AgentSessionOptions {
        if (maxEndpointingDelay.compareTo(minEndpointingDelay) < 0) {
            throw new IllegalArgumentException("maxEndpointingDelay < minEndpointingDelay");
        }
        if (maxToolSteps < 1 || maxUnrecoverableErrors < 1 || minInterruptionWords < 0) {
            throw new IllegalArgumentException("maxToolSteps and maxUnrecoverableErrors ≥ 1, minInterruptionWords ≥ 0");
        }
    }

    public AgentSessionOptions withEndpointing(Duration min, Duration max) {
        return toBuilder().endpointing(min, max).build();
    }

    public AgentSessionOptions withInterruptions(
            boolean allow, Duration minDuration, int minWords, Duration falseTimeout) {
        return toBuilder()
                .interruptions(allow, minDuration, minWords, falseTimeout)
                .build();
    }

    public AgentSessionOptions withPreemptiveGeneration(boolean preemptive) {
        return toBuilder().preemptiveGeneration(preemptive).build();
    }

    public AgentSessionOptions withTools(int maxSteps, Duration fillerDelay) {
        return toBuilder().tools(maxSteps, fillerDelay).build();
    }

    public AgentSessionOptions withUserAwayTimeout(Duration timeout) {
        return toBuilder().userAwayTimeout(timeout).build();
    }

    public AgentSessionOptions withMaxUnrecoverableErrors(int max) {
        return toBuilder().maxUnrecoverableErrors(max).build();
    }

    public AgentSessionOptions withLanguage(String newLanguage) {
        return toBuilder().language(newLanguage).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** A copy of some options with a few changed; the record's checks run at {@link #build()}. */
    public static final class Builder {
        private Duration minEndpointingDelay;
        private Duration maxEndpointingDelay;
        private boolean preemptiveGeneration;
        private boolean allowInterruptions;
        private Duration minInterruptionDuration;
        private int minInterruptionWords;
        private Duration falseInterruptionTimeout;
        private int maxToolSteps;
        private Duration toolFillerDelay;
        private Duration userAwayTimeout;
        private int maxUnrecoverableErrors;
        private String language;

        private Builder(AgentSessionOptions o) {
            minEndpointingDelay = o.minEndpointingDelay;
            maxEndpointingDelay = o.maxEndpointingDelay;
            preemptiveGeneration = o.preemptiveGeneration;
            allowInterruptions = o.allowInterruptions;
            minInterruptionDuration = o.minInterruptionDuration;
            minInterruptionWords = o.minInterruptionWords;
            falseInterruptionTimeout = o.falseInterruptionTimeout;
            maxToolSteps = o.maxToolSteps;
            toolFillerDelay = o.toolFillerDelay;
            userAwayTimeout = o.userAwayTimeout;
            maxUnrecoverableErrors = o.maxUnrecoverableErrors;
            language = o.language;
        }

        public Builder endpointing(Duration min, Duration max) {
            minEndpointingDelay = min;
            maxEndpointingDelay = max;
            return this;
        }

        public Builder preemptiveGeneration(boolean preemptive) {
            preemptiveGeneration = preemptive;
            return this;
        }

        public Builder interruptions(boolean allow, Duration minDuration, int minWords, Duration falseTimeout) {
            allowInterruptions = allow;
            minInterruptionDuration = minDuration;
            minInterruptionWords = minWords;
            falseInterruptionTimeout = falseTimeout;
            return this;
        }

        public Builder tools(int maxSteps, Duration fillerDelay) {
            maxToolSteps = maxSteps;
            toolFillerDelay = fillerDelay;
            return this;
        }

        public Builder userAwayTimeout(Duration timeout) {
            userAwayTimeout = timeout;
            return this;
        }

        public Builder maxUnrecoverableErrors(int max) {
            maxUnrecoverableErrors = max;
            return this;
        }

        public Builder language(String bcp47) {
            language = bcp47;
            return this;
        }

        public AgentSessionOptions build() {
            return new AgentSessionOptions(
                    minEndpointingDelay,
                    maxEndpointingDelay,
                    preemptiveGeneration,
                    allowInterruptions,
                    minInterruptionDuration,
                    minInterruptionWords,
                    falseInterruptionTimeout,
                    maxToolSteps,
                    toolFillerDelay,
                    userAwayTimeout,
                    maxUnrecoverableErrors,
                    language);
        }
    }
}
