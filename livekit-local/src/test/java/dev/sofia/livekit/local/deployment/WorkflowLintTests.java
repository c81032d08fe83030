package dev.sofia.livekit.local.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * .github/workflows: actionlint (installed by scripts/setup.sh with the test peers) finds nothing
 * in them, and finds a planted mistake (so a clean result means it looked); ci.yml does what
 * .ci/run needs, deploy.yml has every step of a deploy with its roll-back.
 */
class WorkflowLintTests {

    @Test
    void actionlintFindsNothingInTheWorkflows() throws Exception {
        Lint lint = actionlint(RepositoryFiles.root(), List.of());
        assertThat(lint.exitCode()).as(lint.output()).isZero();
        assertThat(lint.output()).isBlank();
    }

    @Test
    void actionlintReportsAMistake(@TempDir Path dir) throws Exception {
        Path workflow =
                Files.createDirectories(dir.resolve(".github/workflows")).resolve("broken.yml");
        Files.writeString(workflow, """
                on: push
                jobs:
                  test:
                    runs-on: ubuntu-24.04
                    steps:
                      - run: echo "${{ github.no_such_property }}"
                """);
        Lint lint = actionlint(dir, List.of(workflow.toString()));
        assertThat(lint.exitCode()).isNotZero();
        assertThat(lint.output()).contains("no_such_property");
    }

    @Test
    void ciRunsCiRunWithTheCachesItNeeds() {
        Map<String, Object> ci = YamlFile.read(RepositoryFiles.resolve(".github/workflows/ci.yml"));
        String text = ComposeFile.read(RepositoryFiles.resolve(".github/workflows/ci.yml"));
        assertThat(text).contains("distribution: temurin").containsPattern("java-version: \"(2[1-9]|[3-9]\\d)\"");
        assertThat(text).contains("path: ~/.m2/repository", "path: ~/.cache/sofia", "path: ~/.npm");
        assertThat(text).containsPattern("CI=true .ci/run");
        assertThat(YamlFile.get(ci, "jobs.test.steps")).isNotNull();
        assertPinnedActions(text);
    }

    @Test
    void deployBuildsMigratesDeploysChecksAndRollsBack() {
        String text = ComposeFile.read(RepositoryFiles.resolve(".github/workflows/deploy.yml"));
        assertThat(text)
                .contains("docker/build-push-action")
                .contains("push: true")
                .contains("liquibase update")
                .contains("docker compose up -d --wait")
                .contains("/actuator/health/readiness")
                .contains("if: failure()")
                .contains("rollback --tag=");
        assertPinnedActions(text);
    }

    /** Every action at an exact version (or a commit), never a moving branch or major tag. */
    private static void assertPinnedActions(String workflow) {
        workflow.lines()
                .map(String::strip)
                .filter(l -> l.startsWith("- uses:") || l.startsWith("uses:"))
                .forEach(l -> assertThat(l).matches(".*@(v\\d+\\.\\d+\\.\\d+|[0-9a-f]{40})$"));
    }

    private record Lint(int exitCode, String output) {}

    private static Lint actionlint(Path dir, List<String> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary().toString(), "-no-color"));
        command.addAll(files);
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Lint(process.exitValue(), output);
    }

    /** actionlint where scripts/setup.sh installs it ($SOFIA_TOOLS_BIN, ~/.cache/sofia/bin) or on PATH. */
    private static Path binary() {
        List<Path> candidates = new ArrayList<>();
        String tools = System.getenv("SOFIA_TOOLS_BIN");
        if (tools != null && !tools.isBlank()) {
            candidates.add(Path.of(tools, "actionlint"));
        }
        candidates.add(Path.of(System.getProperty("user.home"), ".cache", "sofia", "bin", "actionlint"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "actionlint"));
            }
        }
        return candidates.stream()
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("actionlint not found; run scripts/test.sh (setup.sh installs it)"));
    }
}
