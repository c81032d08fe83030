package dev.sofia.livekit.local.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of this repository, found from the test's working directory (a module directory). */
final class RepositoryFiles {

    private RepositoryFiles() {}

    /** The repository root: the nearest ancestor holding both {@code mvnw} and {@code deploy/}. */
    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(
                "no repository root (mvnw and deploy/) above " + Path.of("").toAbsolutePath());
    }

    static Path resolve(String relative) {
        return root().resolve(relative);
    }
}
