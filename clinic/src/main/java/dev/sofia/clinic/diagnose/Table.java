package dev.sofia.clinic.diagnose;

import dev.sofia.clinic.system.logging.LogRedactor;
import java.util.List;

/**
 * The diagnosis as a plain-text table: check, result, detail, and under a failed row its fix hint.
 * Every text passes the log redactor first, so a JWT, a URL's password or a phone number that
 * slipped into an error message is masked here as in the logs.
 */
final class Table {

    private Table() {}

    static String render(List<Outcome> outcomes) {
        int checkWidth = Math.max(
                "CHECK".length(),
                outcomes.stream().mapToInt(o -> o.check().length()).max().orElse(0));
        StringBuilder text = new StringBuilder();
        text.append(pad("CHECK", checkWidth)).append("  RESULT  DETAIL\n");
        for (Outcome outcome : outcomes) {
            text.append(pad(outcome.check(), checkWidth))
                    .append("  ")
                    .append(pad(outcome.status().name(), 6))
                    .append("  ")
                    .append(redact(outcome))
                    .append('\n');
            if (outcome.status() == Outcome.Status.FAIL && !outcome.hint().isEmpty()) {
                text.append(" ".repeat(checkWidth + 10))
                        .append("fix: ")
                        .append(LogRedactor.redact(outcome.hint()))
                        .append('\n');
            }
        }
        return text.toString();
    }

    /**
     * The configuration row is the app's own start-up check, which already hides every secret
     * variable's value ("is set (value hidden)"); its advice such as "credentials: set it to …" would
     * otherwise be masked as if it were a credential.
     */
    private static String redact(Outcome outcome) {
        return outcome.check().equals(ConfigurationRow.NAME) ? outcome.detail() : LogRedactor.redact(outcome.detail());
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
