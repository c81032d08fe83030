package dev.sofia.clinic.system.config;

import dev.sofia.clinic.system.config.ConfigurationCheck.Problem;
import java.util.List;

/**
 * Start-up refused because the configuration has problems. The message lists every one of them and
 * is safe to print (no secret values), so it reads well even where no failure analyzer runs.
 */
final class InvalidConfigurationException extends RuntimeException {

    private final List<Problem> problems;

    InvalidConfigurationException(List<Problem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    List<Problem> problems() {
        return problems;
    }

    private static String describe(List<Problem> problems) {
        StringBuilder text = new StringBuilder("Sofia cannot start: ")
                .append(problems.size() == 1 ? "1 configuration problem" : problems.size() + " configuration problems");
        problems.forEach(p -> text.append(System.lineSeparator()).append("  - ").append(p));
        return text.toString();
    }
}
