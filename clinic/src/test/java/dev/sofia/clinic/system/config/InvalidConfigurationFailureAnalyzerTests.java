package dev.sofia.clinic.system.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sofia.clinic.system.config.ConfigurationCheck.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class InvalidConfigurationFailureAnalyzerTests {

    @Test
    void descriptionListsEveryProblemAndTheActionPointsAtTheReadme() {
        List<Problem> problems = List.of(
                new Problem("PORT", "is \"x\": must be an integer from 1 to 65535"),
                new Problem("DATABASE_URL", "is set (value hidden): malformed: has no host"),
                new Problem("SOFIA_TIME_ZONE", "is \"Mars\": must be an IANA time zone"));
        // Spring Boot wraps start-up failures; the analyzer must find the cause anywhere in the chain.
        Throwable failure = new IllegalStateException("wrapped", new InvalidConfigurationException(problems));

        FailureAnalysis analysis = new InvalidConfigurationFailureAnalyzer().analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .startsWith("Sofia cannot start: 3 configuration problems")
                .contains(
                        "  - PORT is \"x\": must be an integer from 1 to 65535",
                        "  - DATABASE_URL is set (value hidden): malformed: has no host",
                        "  - SOFIA_TIME_ZONE is \"Mars\": must be an IANA time zone");
        assertThat(analysis.getAction()).contains("README.md").contains("Configuration");
    }

    @Test
    void leavesOtherFailuresToOtherAnalyzers() {
        assertThat(new InvalidConfigurationFailureAnalyzer().analyze(new IllegalStateException("other")))
                .isNull();
    }
}
