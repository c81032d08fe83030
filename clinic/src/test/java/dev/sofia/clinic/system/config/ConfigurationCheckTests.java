package dev.sofia.clinic.system.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sofia.clinic.system.config.ConfigurationCheck.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

class ConfigurationCheckTests {

    @Test
    void emptyEnvironmentUsesTheEmbeddedDefaultsAndPasses() {
        assertThat(ConfigurationCheck.check(new MockEnvironment())).isEmpty();
    }

    @Test
    void validDefaultConfigurationPasses(@TempDir Path dataDir) {
        MockEnvironment env = new MockEnvironment()
                .withProperty("PORT", "3005")
                .withProperty("DATABASE_POOL_SIZE", "10")
                .withProperty(
                        "SOFIA_DATA_DIR", dataDir.resolve("not-yet/created").toString())
                .withProperty("SOFIA_DEMO_SEED", "true")
                .withProperty("SOFIA_TIME_ZONE", "Europe/Berlin")
                .withProperty("spring.profiles.active", "dev");

        assertThat(ConfigurationCheck.check(env)).isEmpty();
    }

    @Test
    void listsEveryProblemAtOnce() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("PORT", "70000")
                .withProperty("DATABASE_POOL_SIZE", "many")
                .withProperty("SOFIA_DEMO_SEED", "sometimes")
                .withProperty("SOFIA_TIME_ZONE", "Mars/Olympus")
                .withProperty("LOG_FORMAT", "xml")
                .withProperty("spring.profiles.active", "dev,staging");

        List<Problem> problems = ConfigurationCheck.check(env);

        assertThat(problems)
                .extracting(Problem::variable)
                .containsExactly(
                        "PORT",
                        "DATABASE_POOL_SIZE",
                        "SOFIA_DEMO_SEED",
                        "SOFIA_TIME_ZONE",
                        "LOG_FORMAT",
                        "SPRING_PROFILES_ACTIVE");
        assertThat(problems.get(0).toString()).isEqualTo("PORT is \"70000\": must be an integer from 1 to 65535");
        assertThat(problems.get(5).reason()).isEqualTo("names unknown profile(s) staging; known: dev, prod, test");
    }

    @Test
    void malformedDatabaseUrlNeverEchoesThePassword() {
        MockEnvironment env = new MockEnvironment().withProperty("DATABASE_URL", "postgres://u:s3cr3tPw@/x");

        List<Problem> problems = ConfigurationCheck.check(env);

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.variable()).isEqualTo("DATABASE_URL");
            assertThat(problem.toString()).contains("is set (value hidden): malformed");
        });
        assertThat(new InvalidConfigurationException(problems).getMessage()).doesNotContain("s3cr3tPw");
    }

    @Test
    void badPercentEscapeInThePasswordIsNotEchoedEither() {
        // The JDK's URLDecoder quotes the bad escape in its message, and here that is the password.
        MockEnvironment env = new MockEnvironment().withProperty("DATABASE_URL", "postgres://u:%zz@db.example/x");

        assertThat(ConfigurationCheck.check(env))
                .singleElement()
                .satisfies(problem ->
                        assertThat(problem.toString()).contains("malformed").doesNotContain("zz"));
    }

    @Test
    void prodWithoutDatabaseUrlFails() {
        MockEnvironment bare = prodLiveKitAndKey(new MockEnvironment());
        bare.setActiveProfiles("prod");

        assertThat(ConfigurationCheck.check(bare))
                .singleElement()
                .hasToString("DATABASE_URL is missing: the prod profile refuses the embedded database;"
                        + " set DATABASE_URL");
    }

    @Test
    void prodNeedsLiveKitOverWssAndAKeyForStoredCredentials() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("DATABASE_URL", "postgres://sofia:pw@db.example:5432/sofia?sslmode=verify-full");
        env.setActiveProfiles("prod");

        assertThat(ConfigurationCheck.check(env))
                .extracting(Problem::variable)
                .containsExactly("LIVEKIT_URL", "SOFIA_SECRET_KEY", "SOFIA_ADMIN_EMAIL", "SOFIA_ADMIN_PASSWORD");

        env.withProperty("LIVEKIT_URL", "ws://livekit.example.com")
                .withProperty("LIVEKIT_API_KEY", "APIkey1")
                .withProperty("LIVEKIT_API_SECRET", "s".repeat(40))
                .withProperty("SOFIA_SECRET_KEY", "c2hvcnQ=")
                .withProperty("SOFIA_ADMIN_EMAIL", "praxis@example.de")
                .withProperty("SOFIA_ADMIN_PASSWORD", "long-enough-password");
        assertThat(ConfigurationCheck.check(env))
                .extracting(Problem::toString)
                .containsExactly(
                        "LIVEKIT_URL is \"ws://livekit.example.com\": prod refuses unencrypted ws://: use wss://",
                        "SOFIA_SECRET_KEY is set (value hidden): must be 32 bytes, base64-encoded"
                                + " ('openssl rand -base64 32')");
    }

    @Test
    void liveKitKeysAreCheckedWithoutShowingSecrets() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("LIVEKIT_URL", "https://livekit.example.com")
                .withProperty("LIVEKIT_API_SECRET", "tooshort-secret")
                .withProperty("LIVEKIT_WEBHOOK_KEYS", "oldkey:also-too-short,nocolon");

        List<Problem> problems = ConfigurationCheck.check(env);

        assertThat(problems)
                .extracting(Problem::variable)
                .containsExactly("LIVEKIT_URL", "LIVEKIT_API_KEY", "LIVEKIT_API_SECRET", "LIVEKIT_WEBHOOK_KEYS");
        assertThat(problems.get(1).reason()).isEqualTo("is missing: is required when LIVEKIT_URL is set");
        assertThat(problems)
                .extracting(Problem::toString)
                .noneMatch(text -> text.contains("too-short") || text.contains("tooshort"));
    }

    @Test
    void prodWithoutTlsToTheDatabaseFails() {
        MockEnvironment env = prod("postgres://sofia:pw@db.example:5432/sofia?sslmode=disable");

        assertThat(ConfigurationCheck.check(env))
                .singleElement()
                .satisfies(problem -> assertThat(problem.reason())
                        .contains("prod needs TLS to the database: add sslmode=verify-full (or require)")
                        .doesNotContain("pw@"));
    }

    @Test
    void prodWithVerifiedTlsPasses() {
        assertThat(ConfigurationCheck.check(prod("postgres://sofia:pw@db.example:5432/sofia?sslmode=verify-full")))
                .isEmpty();
    }

    @Test
    void readsEnvironmentVariablesAndSystemPropertiesThroughTheSpringEnvironment() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test", Map.of("PORT", "0")));

        assertThat(ConfigurationCheck.check(env)).extracting(Problem::variable).containsExactly("PORT");
    }

    @Test
    void emptyValueIsAProblemNotTheDefault() {
        // An empty PORT would otherwise turn into Spring's default 8080 without a word.
        MockEnvironment env = new MockEnvironment().withProperty("PORT", "");

        assertThat(ConfigurationCheck.check(env))
                .singleElement()
                .hasToString("PORT is empty: must not be empty; unset it for the default");
    }

    @Test
    void dataDirectoryThatCannotBeCreatedIsAProblem(@TempDir Path tmp) throws IOException {
        Path file = Files.createFile(tmp.resolve("a-file"));
        MockEnvironment env = new MockEnvironment()
                .withProperty("SOFIA_DATA_DIR", file.resolve("data").toString());

        assertThat(ConfigurationCheck.check(env))
                .singleElement()
                .satisfies(problem -> assertThat(problem.reason()).endsWith("does not exist and cannot be created"));
    }

    @Test
    void dataDirectoryThatIsAFileIsAProblem(@TempDir Path tmp) throws IOException {
        Path file = Files.createFile(tmp.resolve("a-file"));
        MockEnvironment env = new MockEnvironment().withProperty("SOFIA_DATA_DIR", file.toString());

        assertThat(ConfigurationCheck.check(env))
                .singleElement()
                .satisfies(problem -> assertThat(problem.reason()).endsWith("must be a directory, but is a file"));
    }

    @Test
    void startupCheckThrowsWithEveryProblemAndPassesAValidEnvironment() {
        StartupConfigurationCheck startupCheck = new StartupConfigurationCheck();
        MockEnvironment bad = new MockEnvironment().withProperty("PORT", "x").withProperty("SOFIA_DEMO_SEED", "1");

        assertThatThrownBy(() -> startupCheck.postProcessEnvironment(bad, null))
                .isInstanceOfSatisfying(
                        InvalidConfigurationException.class,
                        e -> assertThat(e.problems()).hasSize(2))
                .hasMessageStartingWith("Sofia cannot start: 2 configuration problems");
        assertThatNoException().isThrownBy(() -> startupCheck.postProcessEnvironment(new MockEnvironment(), null));
    }

    @Test
    void providersAreChosenFromKnownNamesAndNeedTheirKeys() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("SOFIA_ROLE", "everything")
                .withProperty("SOFIA_LLM", "openai")
                .withProperty("SOFIA_STT", "deepgram")
                .withProperty("SOFIA_TTS", "cartesia")
                .withProperty("OPENAI_BASE_URL", "ftp://models.example.com")
                .withProperty("CARTESIA_API_KEY", "sk_car_secret_value");

        List<Problem> problems = ConfigurationCheck.check(env);

        assertThat(problems)
                .extracting(Problem::toString)
                .containsExactly(
                        "SOFIA_ROLE is \"everything\": must be one of all, api, worker",
                        "OPENAI_API_KEY is missing: is required when SOFIA_LLM=openai",
                        "OPENAI_BASE_URL is \"ftp://models.example.com\": must be a http or https URL with a host",
                        "DEEPGRAM_API_KEY is missing: is required when SOFIA_STT=deepgram",
                        "CARTESIA_VOICE_ID is missing: is required when SOFIA_TTS=cartesia");
        assertThat(problems.toString()).doesNotContain("sk_car_secret_value");
    }

    @Test
    void theOfflineDefaultsNeedNoKeys() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("SOFIA_ROLE", "worker")
                .withProperty("SOFIA_LLM", "offline")
                .withProperty("SOFIA_STT", "none")
                .withProperty("SOFIA_TTS", "espeak");

        assertThat(ConfigurationCheck.check(env)).isEmpty();
    }

    private static MockEnvironment prod(String databaseUrl) {
        MockEnvironment env = prodLiveKitAndKey(new MockEnvironment().withProperty("DATABASE_URL", databaseUrl));
        env.setActiveProfiles("prod");
        return env;
    }

    private static MockEnvironment prodLiveKitAndKey(MockEnvironment env) {
        return env.withProperty("LIVEKIT_URL", "wss://livekit.example.com")
                .withProperty("LIVEKIT_API_KEY", "APIsofia")
                .withProperty("LIVEKIT_API_SECRET", "x".repeat(40))
                .withProperty("SOFIA_SECRET_KEY", java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .withProperty("SOFIA_ADMIN_EMAIL", "praxis@example.de")
                .withProperty("SOFIA_ADMIN_PASSWORD", "long-enough-password");
    }

    @Test
    void theFirstAdminIsOptionalOutsideProdButComesAsAPair() {
        assertThat(ConfigurationCheck.check(
                        new MockEnvironment().withProperty("SOFIA_ADMIN_EMAIL", "praxis@example.de")))
                .extracting(Problem::toString)
                .containsExactly("SOFIA_ADMIN_PASSWORD is missing: is required with SOFIA_ADMIN_EMAIL");
        assertThat(ConfigurationCheck.check(
                        new MockEnvironment().withProperty("SOFIA_ADMIN_PASSWORD", "long-enough-password")))
                .extracting(Problem::toString)
                .containsExactly("SOFIA_ADMIN_EMAIL is missing: is required with SOFIA_ADMIN_PASSWORD");
        assertThat(ConfigurationCheck.check(new MockEnvironment()
                        .withProperty("SOFIA_ADMIN_EMAIL", "praxis@example.de")
                        .withProperty("SOFIA_ADMIN_PASSWORD", "long-enough-password")))
                .isEmpty();
    }

    @Test
    void theFirstAdminNeedsAnEmailAndALongPasswordThatIsNeverShown() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("SOFIA_ADMIN_EMAIL", "not an address")
                .withProperty("SOFIA_ADMIN_PASSWORD", "short-pw-11");

        List<Problem> problems = ConfigurationCheck.check(env);

        assertThat(problems)
                .extracting(Problem::toString)
                .containsExactly(
                        "SOFIA_ADMIN_EMAIL is \"not an address\": must be an e-mail address such as praxis@example.de",
                        "SOFIA_ADMIN_PASSWORD is set (value hidden): must be at least 12 characters");
        assertThat(ConfigurationCheck.check(env.withProperty("SOFIA_ADMIN_EMAIL", "praxis@example.de")
                        .withProperty("SOFIA_ADMIN_PASSWORD", "ü".repeat(37))))
                .extracting(Problem::toString)
                .containsExactly(
                        "SOFIA_ADMIN_PASSWORD is set (value hidden): must be at most 72 bytes (bcrypt's limit)");
    }
}
