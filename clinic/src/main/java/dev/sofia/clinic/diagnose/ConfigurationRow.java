package dev.sofia.clinic.diagnose;

import java.util.List;

/**
 * The app's own start-up configuration check, run on the same environment: what it lists would
 * stop the app with "invalid configuration", so it is reported here as one row.
 */
final class ConfigurationRow implements Check {

    static final String NAME = "configuration";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String hint() {
        return "see the README's configuration table";
    }

    @Override
    public List<Outcome> run(DiagnoseSettings settings) {
        List<String> problems = settings.configurationProblems();
        if (problems.isEmpty()) {
            return List.of(Outcome.ok(NAME, "the start-up check finds no problem"));
        }
        return List.of(Outcome.fail(
                NAME,
                problems.size() + (problems.size() == 1 ? " problem: " : " problems: ") + String.join("; ", problems),
                "the app refuses to start until each of these is fixed (README, \"Configuration\")"));
    }
}
