package dev.sofia.livekit.local.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A secret scanner in the manner of gitleaks, whose Go module the build machines' module proxy
 * does not serve: well-known credential formats (private keys, cloud and provider tokens, JWTs)
 * anywhere, and secret-named assignments whose value looks generated. A finding names file, line
 * and rule, never the value. Values that say what they are ("test", "change-me", "example"…) or
 * are words a person made up ("rezeption-passwort-7") are not secrets, nor is a PEM header
 * without key material or a JWT whose signature is too short to be real.
 */
final class SecretScanner {

    /** One suspected secret. */
    record Finding(String file, int line, String rule) {
        @Override
        public String toString() {
            return file + ":" + line + " " + rule;
        }
    }

    private record Rule(String name, Pattern pattern, Predicate<String> isSecret) {}

    private static final List<String> PLACEHOLDER_WORDS = List.of(
            "change-me",
            "changeme",
            "example",
            "placeholder",
            "dummy",
            "fake",
            "test",
            "xxxx",
            "your-",
            "${",
            "0123456789",
            "abcdef",
            "secret-key-for",
            "not-a-real");

    private static final List<Rule> RULES = List.of(
            new Rule(
                    "private-key",
                    Pattern.compile("-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----"),
                    value -> true),
            new Rule("aws-access-key-id", Pattern.compile("\\b((?:AKIA|ASIA)[A-Z0-9]{16})\\b"), value -> true),
            new Rule("github-token", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,})\\b"), value -> true),
            new Rule("slack-token", Pattern.compile("\\b(xox[baprs]-[A-Za-z0-9-]{10,})"), SecretScanner::random),
            new Rule("google-api-key", Pattern.compile("\\b(AIza[0-9A-Za-z_-]{35})\\b"), value -> true),
            new Rule("openai-api-key", Pattern.compile("\\b(sk-(?:proj-)?[A-Za-z0-9_-]{20,})"), SecretScanner::random),
            new Rule(
                    "jwt",
                    // a real signature has at least 43 characters (HS256's 32 bytes)
                    Pattern.compile("\\b(eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{43,})"),
                    value -> true),
            new Rule(
                    "secret-assignment",
                    Pattern.compile("(?i)(?:secret|password|passwd|api[_-]?key|token|access[_-]?key)[a-z0-9_.-]*[\"']?"
                            + "\\s*[:=]\\s*[\"']?([A-Za-z0-9+/=_-]{20,})"),
                    SecretScanner::random));

    /** A PEM body line: a header alone (as in code that writes PEM files) is no key. */
    private static final Pattern KEY_MATERIAL = Pattern.compile("^[A-Za-z0-9+/=]{40,}$");

    /** Lower-case words joined by - or _ ("rezeption-passwort-7"): made up by a person, not generated. */
    private static final Pattern WORDS = Pattern.compile("^[a-z]+([-_][a-z0-9]+)+$");

    private SecretScanner() {}

    /** The files git tracks in {@code repository}, relative to it. */
    static List<String> trackedFiles(Path repository) {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z")
                    .directory(repository.toFile())
                    .redirectErrorStream(false)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!git.waitFor(30, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException("git ls-files failed in " + repository);
            }
            return List.of(out.split("\0")).stream().filter(f -> !f.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<Finding> scan(Path root, List<String> files) {
        List<Finding> findings = new ArrayList<>();
        for (String file : files) {
            Path path = root.resolve(file);
            if (!Files.isRegularFile(path)) {
                continue; // deleted in the work tree
            }
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (binary(bytes)) {
                continue;
            }
            List<String> lines =
                    new String(bytes, StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                for (Rule rule : RULES) {
                    Matcher m = rule.pattern().matcher(lines.get(i));
                    while (m.find()) {
                        String value = m.groupCount() > 0 ? m.group(1) : m.group();
                        boolean keyMaterialFollows = !rule.name().equals("private-key")
                                || (i + 1 < lines.size()
                                        && KEY_MATERIAL
                                                .matcher(lines.get(i + 1))
                                                .matches());
                        if (keyMaterialFollows && rule.isSecret().test(value)) {
                            findings.add(new Finding(file, i + 1, rule.name()));
                            break;
                        }
                    }
                }
            }
        }
        return findings;
    }

    /** A value that looks generated: letters and digits mixed, high entropy, no placeholder word. */
    static boolean random(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (PLACEHOLDER_WORDS.stream().anyMatch(lower::contains)
                || WORDS.matcher(value).matches()) {
            return false;
        }
        boolean letters = value.chars().anyMatch(Character::isLetter);
        boolean digits = value.chars().anyMatch(Character::isDigit);
        return letters && digits && entropy(value) >= 3.5;
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String value) {
        Map<Integer, Integer> counts = new HashMap<>();
        value.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double bits = 0;
        for (int count : counts.values()) {
            double p = (double) count / value.length();
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }

    private static boolean binary(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }
}
