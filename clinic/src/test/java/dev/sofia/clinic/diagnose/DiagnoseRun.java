package dev.sofia.clinic.diagnose;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/** One {@code diagnose} run in process: its exit code and exactly what it printed. */
record DiagnoseRun(int exitCode, String output) {

    static DiagnoseRun of(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = Diagnose.run(args, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new DiagnoseRun(code, bytes.toString(StandardCharsets.UTF_8));
    }

    /**
     * The first row whose name is {@code check} or starts with it and a space (rows such as
     * {@code turn-tcp-tls turns host:443}), with its hint line if it has one; fails the test if
     * there is none.
     */
    String row(String check) {
        String[] lines = output.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (Pattern.compile("^" + Pattern.quote(check) + "( \\S+)* +(OK|FAIL|SKIP)  ")
                    .matcher(lines[i])
                    .find()) {
                boolean hint =
                        i + 1 < lines.length && lines[i + 1].stripLeading().startsWith("fix: ");
                return hint ? lines[i] + "\n" + lines[i + 1] : lines[i];
            }
        }
        throw new AssertionError("no row " + check + " in:\n" + output);
    }

    /** Keeps the output under the build directory for docs/troubleshooting.md. */
    DiagnoseRun saveAs(String name, String setting) {
        try {
            Path classes = Path.of(DiagnoseRun.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            Path dir = classes.getParent().resolve("diagnose-samples");
            Files.createDirectories(dir);
            // the setting is described in words: the real arguments hold secrets
            String command = "# " + setting + "\n$ java -jar clinic-exec.jar diagnose\n";
            Files.writeString(dir.resolve(name + ".txt"), command + output + "(exit code " + exitCode + ")\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }
}
