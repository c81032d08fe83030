package dev.sofia.livekit.local.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Dockerfile and .dockerignore, checked statically (no Docker engine on the build machines). */
class DeployDockerfileTests {

    private static final Pattern FROM =
            Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);

    private final String dockerfile = ComposeFile.read(RepositoryFiles.resolve("Dockerfile"));

    @Test
    void isMultiStageWithPinnedJava21OrNewerImages() {
        List<String> images =
                FROM.matcher(dockerfile).results().map(m -> m.group(1)).toList();
        assertThat(images).hasSizeGreaterThanOrEqualTo(2);
        for (String image : images) {
            assertThat(DockerImages.isPinned(image)).as(image).isTrue();
            Matcher major = Pattern.compile(":(\\d+)").matcher(image);
            assertThat(major.find()).as(image).isTrue();
            assertThat(Integer.parseInt(major.group(1))).as(image).isGreaterThanOrEqualTo(21);
        }
        assertThat(images.getFirst()).contains("jdk");
        assertThat(images.getLast()).as("the image that runs is a JRE").contains("jre");
    }

    @Test
    void theRunStageHasTheNativeLibrariesAHealthCheckAndANonRootUser() {
        String run = finalStage();
        assertThat(run).contains("libpulse0").contains("espeak-ng");
        assertThat(run).containsPattern("(?ms)^HEALTHCHECK .*?CMD .*?(/actuator/health|/health)");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(run);
        String last = null;
        while (user.find()) {
            last = user.group(1);
        }
        assertThat(last).as("USER in the run stage").isNotNull().isNotIn("root", "0", "0:0");
        // small: the package lists are not kept, and the build tools stay in the build stage
        assertThat(run)
                .contains("rm -rf /var/lib/apt/lists/*")
                .doesNotContain("nodejs")
                .doesNotContain("mvnw");
    }

    @Test
    void holdsNoSecret() {
        assertThat(dockerfile)
                .doesNotContainPattern("(?mi)^(ENV|ARG)\\s+\\S*(SECRET|PASSWORD|TOKEN|API_KEY)\\S*\\s*=\\s*\\S+");
    }

    @Test
    void theBuildContextLeavesOutWhatTheImageMustNotHold() {
        List<String> ignored = ComposeFile.read(RepositoryFiles.resolve(".dockerignore"))
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
        assertThat(ignored).contains(".git", "**/target", "**/node_modules", "deploy/.env", "deploy/tls");
    }

    private String finalStage() {
        Matcher m = FROM.matcher(dockerfile);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return dockerfile.substring(last);
    }
}
