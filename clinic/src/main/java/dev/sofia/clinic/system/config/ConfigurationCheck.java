package dev.sofia.clinic.system.config;

import dev.sofia.clinic.system.DatabaseUrl;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The environment variables Sofia reads and what a valid value of each looks like, checked all at
 * once so an operator sees every mistake in one start-up instead of fixing them one crash at a time.
 * Values of secret variables never appear in a problem: only whether they are set, missing or
 * malformed. To check a new variable, add one {@link Rule} to {@link #RULES}.
 */
final class ConfigurationCheck {

    static final Set<String> KNOWN_PROFILES = Set.of("prod", "dev", "test");

    static final List<Rule> RULES = List.of(
            Rule.plain("PORT", integerBetween(1, 65535)),
            Rule.secret("DATABASE_URL", ConfigurationCheck::databaseUrl),
            Rule.plain("DATABASE_USER", anything()),
            Rule.secret("DATABASE_PASSWORD", anything()),
            Rule.plain("DATABASE_POOL_SIZE", integerBetween(1, 200)),
            Rule.plain("SOFIA_DATA_DIR", optional(ConfigurationCheck::writableDirectory)),
            Rule.plain("SOFIA_DEMO_SEED", optional(ConfigurationCheck::trueOrFalse)),
            Rule.plain("SOFIA_TIME_ZONE", optional(ConfigurationCheck::timeZone)),
            Rule.plain("LOG_FORMAT", optional(ConfigurationCheck::logFormat)));

    private ConfigurationCheck() {}

    /** Every problem in the environment, in {@link #RULES} order; empty when Sofia may start. */
    static List<Problem> check(Environment environment) {
        Context context = new Context(Set.copyOf(Arrays.asList(environment.getActiveProfiles())));
        List<Problem> problems = new ArrayList<>();
        for (Rule rule : RULES) {
            String value = environment.getProperty(rule.variable());
            rule.validator().reason(value, context).ifPresent(reason -> problems.add(rule.problem(value, reason)));
        }
        unknownProfiles(context).ifPresent(problems::add);
        return List.copyOf(problems);
    }

    // Profiles are checked as the environment resolved them (SPRING_PROFILES_ACTIVE, the
    // spring.profiles.active property, or set by a test), not as one variable's raw text.
    private static Optional<Problem> unknownProfiles(Context context) {
        Set<String> unknown = new TreeSet<>(context.profiles());
        unknown.removeAll(KNOWN_PROFILES);
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(
                "SPRING_PROFILES_ACTIVE",
                "names unknown profile(s) " + String.join(", ", unknown) + "; known: "
                        + String.join(", ", new TreeSet<>(KNOWN_PROFILES))));
    }

    private static Optional<String> databaseUrl(@Nullable String value, Context context) {
        if (value == null || value.isBlank()) {
            return context.prod()
                    ? Optional.of("the prod profile refuses the embedded database; set DATABASE_URL")
                    : Optional.empty();
        }
        DatabaseUrl url;
        try {
            url = DatabaseUrl.parse(value);
        } catch (IllegalArgumentException e) {
            return Optional.of("malformed: " + withoutQuotedInput(e.getMessage()));
        }
        if (context.prod() && !url.requiresTls()) {
            return Optional.of("prod needs TLS to the database: add sslmode=verify-full (or require)");
        }
        return Optional.empty();
    }

    // DatabaseUrl's own reasons never echo the URL, but a JDK exception underneath it can
    // (URLDecoder quotes the bad escape, which may sit inside the password): drop such a reason.
    private static String withoutQuotedInput(@Nullable String reason) {
        return reason == null || reason.contains("\"") ? "is not a valid URL" : reason;
    }

    private static Optional<String> writableDirectory(String value) {
        Path path;
        try {
            path = Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return Optional.of("is not a valid path");
        }
        if (Files.isDirectory(path)) {
            return Files.isWritable(path) ? Optional.empty() : Optional.of("is a directory Sofia may not write to");
        }
        if (Files.exists(path)) {
            return Optional.of("must be a directory, but is a file");
        }
        // Only look, never create: a check must not leave traces when start-up is refused.
        Path ancestor = path.getParent();
        while (ancestor != null && !Files.exists(ancestor)) {
            ancestor = ancestor.getParent();
        }
        if (ancestor == null || !Files.isDirectory(ancestor) || !Files.isWritable(ancestor)) {
            return Optional.of("does not exist and cannot be created");
        }
        return Optional.empty();
    }

    private static Optional<String> trueOrFalse(String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                ? Optional.empty()
                : Optional.of("must be true or false");
    }

    private static Optional<String> logFormat(String value) {
        return Set.of("json", "text").contains(value) ? Optional.empty() : Optional.of("must be json or text");
    }

    private static Optional<String> timeZone(String value) {
        // Region ids only: a fixed offset such as +01:00 would get daylight saving time wrong.
        return ZoneId.getAvailableZoneIds().contains(value)
                ? Optional.empty()
                : Optional.of("must be an IANA time zone such as Europe/Berlin (the default)");
    }

    private static Validator integerBetween(int min, int max) {
        return optional(value -> {
            try {
                int number = Integer.parseInt(value.strip());
                if (number >= min && number <= max) {
                    return Optional.empty();
                }
            } catch (NumberFormatException e) {
                // same reason as out of range
            }
            return Optional.of("must be an integer from " + min + " to " + max);
        });
    }

    private static Validator anything() {
        return (value, context) -> Optional.empty();
    }

    /** A check of a variable that may be left unset; an empty value counts as set, and wrong. */
    private static Validator optional(SimpleValidator validator) {
        return (value, context) -> {
            if (value == null) {
                return Optional.empty();
            }
            return value.isBlank()
                    ? Optional.of("must not be empty; unset it for the default")
                    : validator.reason(value);
        };
    }

    @FunctionalInterface
    private interface SimpleValidator {
        Optional<String> reason(String value);
    }

    /** Decides whether one variable's value is acceptable. */
    @FunctionalInterface
    interface Validator {
        /**
         * The reason the value is wrong, phrased without the value, or empty when it is fine.
         *
         * @param value the raw value, {@code null} when the variable is not set
         */
        Optional<String> reason(@Nullable String value, Context context);
    }

    /** What a validator may know besides the value. */
    record Context(Set<String> profiles) {
        boolean prod() {
            return profiles.contains("prod");
        }
    }

    /** One variable, whether its value must stay hidden, and how to check it. */
    record Rule(String variable, boolean secret, Validator validator) {

        static Rule plain(String variable, Validator validator) {
            return new Rule(variable, false, validator);
        }

        static Rule secret(String variable, Validator validator) {
            return new Rule(variable, true, validator);
        }

        Problem problem(@Nullable String value, String reason) {
            String state;
            if (value == null) {
                state = "is missing";
            } else if (value.isBlank()) {
                state = "is empty";
            } else if (secret) {
                state = "is set (value hidden)";
            } else {
                state = "is \"" + shorten(value) + "\"";
            }
            return new Problem(variable, state + ": " + reason);
        }

        private static String shorten(String value) {
            String oneLine = value.replaceAll("\\R", " ");
            return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
        }
    }

    /** One thing wrong with the configuration: the variable and what is wrong, safe to print. */
    record Problem(String variable, String reason) {
        @Override
        public String toString() {
            return variable + " " + reason;
        }
    }
}
