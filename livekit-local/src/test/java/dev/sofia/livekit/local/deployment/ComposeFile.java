package dev.sofia.livekit.local.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** deploy/compose.yaml and deploy/.env.example as the static tests read them. */
final class ComposeFile {

    /** {@code ${NAME}}, {@code ${NAME:-default}}, {@code ${NAME:?message}} and the like. */
    static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z0-9_]+)(?:(:?[-?])([^}]*))?}");

    private ComposeFile() {}

    static Path path() {
        return RepositoryFiles.resolve("deploy/compose.yaml");
    }

    /** The file without its comment lines (compose does not interpolate comments). */
    static String text() {
        return read(path())
                .lines()
                .filter(line -> !line.strip().startsWith("#"))
                .reduce("", (a, b) -> a + b + "\n");
    }

    static Map<String, Object> yaml() {
        return YamlFile.read(path());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) yaml().get("services");
    }

    /** Every variable compose.yaml interpolates. */
    static Set<String> variables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The variables compose.yaml requires ({@code ${NAME:?…}}). */
    static Set<String> requiredVariables() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = VARIABLE.matcher(text());
        while (m.find()) {
            if (m.group(2) != null && m.group(2).endsWith("?")) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** deploy/.env.example's assignments, in order. */
    static Map<String, String> envExample() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line :
                read(RepositoryFiles.resolve("deploy/.env.example")).lines().toList()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int eq = trimmed.indexOf('=');
            if (eq <= 0) {
                throw new IllegalStateException("not an assignment in .env.example: " + line);
            }
            values.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
        }
        return values;
    }

    /** A value with its variables replaced by .env.example's values (or the default given). */
    static String resolved(String value) {
        Map<String, String> env = envExample();
        Matcher m = VARIABLE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = env.getOrDefault(m.group(1), m.group(3) == null ? "" : m.group(3));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> environment(Map<String, Object> service) {
        Object env = service.get("environment");
        if (env == null) {
            return Map.of();
        }
        if (env instanceof List<?> list) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Object entry : list) {
                String s = String.valueOf(entry);
                int eq = s.indexOf('=');
                map.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? null : s.substring(eq + 1));
            }
            return map;
        }
        return (Map<String, Object>) env;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
