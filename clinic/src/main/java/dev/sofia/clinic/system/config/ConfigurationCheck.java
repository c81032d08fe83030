package dev.sofia.clinic.system.config;

import dev.sofia.clinic.system.DatabaseUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;

/**
 * The environment variables Sofia reads and what a valid value of each looks like, checked all at
 * once so an operator sees every mistake in one start-up instead of fixing them one crash at a time.
 * Values of secret variables never appear in a problem: only whether they are set, missing or
 * malformed. To check a new variable, add one {@link Rule} to {@link #RULES}.
 */
public final class ConfigurationCheck {

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
            Rule.plain("LOG_FORMAT", optional(ConfigurationCheck::logFormat)),
            Rule.plain("LIVEKIT_URL", ConfigurationCheck::liveKitUrl),
            Rule.plain("LIVEKIT_API_KEY", requiredWithLiveKitUrl(ConfigurationCheck::apiKey)),
            Rule.secret("LIVEKIT_API_SECRET", requiredWithLiveKitUrl(ConfigurationCheck::apiSecret)),
            Rule.secret("LIVEKIT_WEBHOOK_KEYS", optional(ConfigurationCheck::webhookKeys)),
            Rule.plain("LIVEKIT_SERVER_BIN", optional(value -> Optional.empty())),
            Rule.plain("SOFIA_AGENT_NAME", optional(ConfigurationCheck::agentName)),
            Rule.plain("SOFIA_TRANSCRIPT_RETENTION_DAYS", integerBetween(1, 3650)),
            Rule.secret("SOFIA_SECRET_KEY", ConfigurationCheck::secretKey),
            Rule.plain("SOFIA_ADMIN_EMAIL", firstAdmin("SOFIA_ADMIN_PASSWORD", ConfigurationCheck::email)),
            Rule.secret("SOFIA_ADMIN_PASSWORD", firstAdmin("SOFIA_ADMIN_EMAIL", ConfigurationCheck::adminPassword)),
            Rule.plain("SOFIA_ROLE", optional(oneOf("all", "api", "worker"))),
            Rule.plain("SOFIA_MAX_CALLS", integerBetween(1, 500)),
            Rule.plain("SOFIA_WORKER_LOAD_THRESHOLD", optional(ConfigurationCheck::loadShare)),
            Rule.plain("SOFIA_LLM", optional(oneOf("offline", "openai"))),
            Rule.plain("SOFIA_STT", optional(oneOf("none", "deepgram", "openai"))),
            Rule.plain("SOFIA_TTS", optional(oneOf("espeak", "cartesia", "openai"))),
            Rule.plain("SOFIA_LLM_MODEL", optional(value -> Optional.empty())),
            Rule.secret("OPENAI_API_KEY", requiredWhenChosen("openai", "SOFIA_LLM", "SOFIA_STT", "SOFIA_TTS")),
            Rule.plain("OPENAI_BASE_URL", optional(value -> httpUrl(value, "http", "https"))),
            Rule.secret("DEEPGRAM_API_KEY", requiredWhenChosen("deepgram", "SOFIA_STT")),
            Rule.plain("DEEPGRAM_BASE_URL", optional(value -> httpUrl(value, "ws", "wss"))),
            Rule.secret("CARTESIA_API_KEY", requiredWhenChosen("cartesia", "SOFIA_TTS")),
            Rule.plain("CARTESIA_VOICE_ID", requiredWhenChosen("cartesia", "SOFIA_TTS")),
            Rule.plain("CARTESIA_BASE_URL", optional(value -> httpUrl(value, "ws", "wss"))));

    private ConfigurationCheck() {}

    /**
     * The problems that would stop start-up, as the start-up message words them (variable and
     * reason, never a secret value): for {@code sofia diagnose}, which reports them instead of
     * stopping.
     */
    public static List<String> problems(Environment environment) {
        return check(environment).stream().map(Problem::toString).toList();
    }

    /** Every problem in the environment, in {@link #RULES} order; empty when Sofia may start. */
    static List<Problem> check(Environment environment) {
        Context context =
                new Context(Set.copyOf(Arrays.asList(environment.getActiveProfiles())), environment::getProperty);
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

    // LiveKit: unset means "start a local livekit-server", which production must not rely on.
    private static Optional<String> liveKitUrl(@Nullable String value, Context context) {
        if (value == null || value.isBlank()) {
            return context.prod()
                    ? Optional.of("the prod profile needs a LiveKit server: set LIVEKIT_URL=wss://…")
                    : Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(value.strip());
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !Set.of("ws", "wss").contains(scheme)) {
            return Optional.of("must be a ws:// or wss:// URL with a host, e.g. wss://livekit.example.com");
        }
        if (context.prod() && !scheme.equals("wss")) {
            return Optional.of("prod refuses unencrypted ws://: use wss://");
        }
        return Optional.empty();
    }

    private static Validator requiredWithLiveKitUrl(SimpleValidator validator) {
        return (value, context) -> {
            if (value == null || value.isBlank()) {
                return context.isSet("LIVEKIT_URL")
                        ? Optional.of("is required when LIVEKIT_URL is set")
                        : Optional.empty();
            }
            return validator.reason(value.strip());
        };
    }

    private static Optional<String> apiKey(String value) {
        return value.matches("[A-Za-z0-9_-]{3,64}")
                ? Optional.empty()
                : Optional.of("must be 3 to 64 letters, digits, '-' or '_'");
    }

    private static Optional<String> apiSecret(String value) {
        // livekit-server itself warns below 32 characters; a short HMAC key is guessable.
        return value.length() >= 32 ? Optional.empty() : Optional.of("must be at least 32 characters");
    }

    private static Optional<String> webhookKeys(String value) {
        for (String pair : value.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                return Optional.of("must be key:secret pairs separated by commas");
            }
            Optional<String> keyProblem = apiKey(pair.substring(0, colon).strip());
            if (keyProblem.isPresent()) {
                return Optional.of("has a key that " + keyProblem.get());
            }
            if (apiSecret(pair.substring(colon + 1).strip()).isPresent()) {
                return Optional.of("has a secret shorter than 32 characters");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> agentName(String value) {
        return value.matches("[a-z0-9][a-z0-9_-]{0,62}")
                ? Optional.empty()
                : Optional.of("must be 1 to 63 lower-case letters, digits, '-' or '_'");
    }

    // Encrypts stored telephony credentials: 32 random bytes, base64 (openssl rand -base64 32).
    private static Optional<String> secretKey(@Nullable String value, Context context) {
        if (value == null || value.isBlank()) {
            return context.prod()
                    ? Optional.of("the prod profile needs a key for stored credentials: set it to the output of"
                            + " 'openssl rand -base64 32' and keep it safe")
                    : Optional.empty();
        }
        try {
            return Base64.getDecoder().decode(value.strip()).length == 32
                    ? Optional.empty()
                    : Optional.of("must be 32 bytes, base64-encoded ('openssl rand -base64 32')");
        } catch (IllegalArgumentException e) {
            return Optional.of("is not valid base64 ('openssl rand -base64 32')");
        }
    }

    /**
     * One of the first admin's pair: required in prod (no console without an admin, and no random
     * password in a production log), elsewhere optional but only together with {@code partner}.
     */
    private static Validator firstAdmin(String partner, SimpleValidator validator) {
        return (value, context) -> {
            if (value == null || value.isBlank()) {
                if (context.prod()) {
                    return Optional.of("the prod profile needs the first admin: set SOFIA_ADMIN_EMAIL and"
                            + " SOFIA_ADMIN_PASSWORD (used only while no admin exists)");
                }
                if (context.isSet(partner)) {
                    return Optional.of("is required with " + partner);
                }
                return value == null ? Optional.empty() : Optional.of("must not be empty; unset it for the default");
            }
            return validator.reason(value);
        };
    }

    private static Optional<String> email(String value) {
        String email = value.strip();
        return email.length() <= 254 && email.matches("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+")
                ? Optional.empty()
                : Optional.of("must be an e-mail address such as praxis@example.de");
    }

    private static Optional<String> adminPassword(String value) {
        if (value.length() < 12) {
            return Optional.of("must be at least 12 characters");
        }
        // bcrypt reads only the first 72 bytes; Spring Security refuses longer passwords outright.
        if (value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            return Optional.of("must be at most 72 bytes (bcrypt's limit)");
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

    private static Optional<String> loadShare(String value) {
        try {
            double share = Double.parseDouble(value.strip());
            return share > 0 && share <= 1 ? Optional.empty() : Optional.of("must be a number above 0 and at most 1");
        } catch (NumberFormatException e) {
            return Optional.of("must be a number above 0 and at most 1");
        }
    }

    private static SimpleValidator oneOf(String... allowed) {
        java.util.List<String> values = java.util.List.of(allowed);
        return value -> values.contains(value.strip())
                ? Optional.empty()
                : Optional.of("must be one of " + String.join(", ", values));
    }

    /** A provider's key: required when one of {@code choices} names that provider. */
    private static Validator requiredWhenChosen(String provider, String... choices) {
        return (value, context) -> {
            if (value != null && !value.isBlank()) {
                return Optional.empty();
            }
            for (String choice : choices) {
                String chosen = context.variables().apply(choice);
                if (chosen != null && chosen.strip().equals(provider)) {
                    return Optional.of("is required when " + choice + "=" + provider);
                }
            }
            return Optional.empty();
        };
    }

    private static Optional<String> httpUrl(String value, String... schemes) {
        try {
            java.net.URI uri = new java.net.URI(value.strip());
            if (uri.getHost() == null || !java.util.List.of(schemes).contains(uri.getScheme())) {
                return Optional.of("must be a " + String.join(" or ", schemes) + " URL with a host");
            }
            return Optional.empty();
        } catch (java.net.URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
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

    /** What a validator may know besides the value: the profiles and the other variables. */
    record Context(Set<String> profiles, Function<String, @Nullable String> variables) {
        boolean prod() {
            return profiles.contains("prod");
        }

        boolean isSet(String variable) {
            String value = variables.apply(variable);
            return value != null && !value.isBlank();
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
