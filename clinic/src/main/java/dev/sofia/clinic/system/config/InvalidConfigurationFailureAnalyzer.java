package dev.sofia.clinic.system.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an {@link InvalidConfigurationException} into Spring Boot's start-up failure report, so the
 * console shows the list of problems and where the variables are documented, without a stack trace.
 * Registered in {@code META-INF/spring.factories}.
 */
class InvalidConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationException> {

    static final String ACTION = "Fix the variables listed above. Every variable Sofia reads, its default and"
            + " its format are in the configuration table of README.md (section \"Configuration\").";

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), ACTION, cause);
    }
}
