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
        return new AgentSessionOptions(
                min,
                max,
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

    public AgentSessionOptions withInterruptions(
            boolean allow, Duration minDuration, int minWords, Duration falseTimeout) {
        return new AgentSessionOptions(
                minEndpointingDelay,
                maxEndpointingDelay,
                preemptiveGeneration,
                allow,
                minDuration,
                minWords,
                falseTimeout,
                maxToolSteps,
                toolFillerDelay,
                userAwayTimeout,
                maxUnrecoverableErrors,
                language);
    }

    public AgentSessionOptions withPreemptiveGeneration(boolean preemptive) {
        return new AgentSessionOptions(
                minEndpointingDelay,
                maxEndpointingDelay,
                preemptive,
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

    public AgentSessionOptions withTools(int maxSteps, Duration fillerDelay) {
        return new AgentSessionOptions(
                minEndpointingDelay,
                maxEndpointingDelay,
                preemptiveGeneration,
                allowInterruptions,
                minInterruptionDuration,
                minInterruptionWords,
                falseInterruptionTimeout,
                maxSteps,
                fillerDelay,
                userAwayTimeout,
                maxUnrecoverableErrors,
                language);
    }

    public AgentSessionOptions withUserAwayTimeout(Duration timeout) {
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
                timeout,
                maxUnrecoverableErrors,
                language);
    }

    public AgentSessionOptions withMaxUnrecoverableErrors(int max) {
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
                max,
                language);
    }

    public AgentSessionOptions withLanguage(String newLanguage) {
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
                newLanguage);
    }
}
