package dev.sofia.livekit.local;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Finds the livekit-server (or livekit-sip) binary that scripts/setup.sh installs. */
public final class LiveKitBinary {

    private static final String NAME = "livekit-server";

    private LiveKitBinary() {}

    /**
     * The configured path if given, else the first executable {@code livekit-server} in {@code
     * $SOFIA_TOOLS_BIN}, {@code ~/.cache/sofia/bin} (where setup.sh puts it) and {@code PATH}. When
     * none is found, the configured or the setup.sh location is returned, so the error that follows
     * names the place where it should be.
     */
    public static Path locate(@Nullable String configured) {
        return locate(NAME, configured);
    }

    /** {@link #locate(String)} for another of setup.sh's tools, e.g. {@code livekit-sip}. */
    public static Path locate(String name, @Nullable String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        List<Path> candidates = new ArrayList<>();
        String toolsBin = System.getenv("SOFIA_TOOLS_BIN");
        if (toolsBin != null && !toolsBin.isBlank()) {
            candidates.add(Path.of(toolsBin, name));
        }
        Path setupLocation = Path.of(System.getProperty("user.home"), ".cache", "sofia", "bin", name);
        candidates.add(setupLocation);
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isBlank()) {
                    candidates.add(Path.of(dir, name));
                }
            }
        }
        return candidates.stream().filter(Files::isExecutable).findFirst().orElse(setupLocation);
    }

    /** What {@code livekit-server --version} says, e.g. "1.13.5"; "unknown" when it cannot be run. */
    public static String version(Path binary) {
        try {
            Process process = new ProcessBuilder(binary.toString(), "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            process.waitFor(5, TimeUnit.SECONDS);
            return out.replaceFirst("^livekit-server version ", "");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }
}
