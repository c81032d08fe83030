package dev.sofia.clinic.diagnose;

import dev.sofia.clinic.system.config.ConfigurationCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * The configuration the app would run with, read the way Spring Boot reads it — command-line
 * {@code --name=value}, then the environment, then application.yml's defaults (whose placeholders
 * name the variables of the README's table) — but without starting a context and without binding
 * typed properties, so a malformed value is reported by a check instead of stopping the tool.
 * Values are strings exactly as configured; blank means "not set".
 */
record DiagnoseSettings(Map<String, String> values, String appUrl, List<String> configurationProblems) {

    static final String APP_URL_OPTION = "app-url";

    /** The keys read below; every one is a property of application.yml. */
    private static final List<String> KEYS = List.of(
            "sofia.livekit.url",
            "sofia.livekit.api-key",
            "sofia.livekit.api-secret",
            "sofia.livekit.webhook-keys",
            "sofia.livekit.agent-name",
            "sofia.receptionist.llm",
            "sofia.receptionist.stt",
            "sofia.receptionist.tts",
            "sofia.receptionist.openai.api-key",
            "sofia.receptionist.openai.base-url",
            "sofia.receptionist.deepgram.api-key",
            "sofia.receptionist.deepgram.base-url",
            "sofia.receptionist.cartesia.api-key",
            "sofia.receptionist.cartesia.base-url",
            "server.port");

    static DiagnoseSettings load(String[] args) {
        StandardEnvironment environment = new StandardEnvironment();
        if (args.length > 0) {
            environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        }
        for (PropertySource<?> yaml : applicationYaml()) {
            environment.getPropertySources().addLast(yaml);
        }
        // Lets SOFIA_LIVEKIT_URL-style variables count too, as Spring Boot's relaxed binding does.
        ConfigurationPropertySources.attach(environment);
        Binder binder = Binder.get(environment);
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : KEYS) {
            values.put(key, binder.bind(key, String.class).orElse("").strip());
        }
        // Not application.yml properties: the diagnosis's own inputs.
        values.put("database.url", first(environment, "DATABASE_URL", "spring.datasource.url"));
        values.put("database.user", first(environment, "DATABASE_USER", "spring.datasource.username"));
        values.put("database.password", first(environment, "DATABASE_PASSWORD", "spring.datasource.password"));
        values.put("sip.health-url", first(environment, "LIVEKIT_SIP_HEALTH_URL"));
        values.put("trust-cert", first(environment, "trust-cert"));
        String port = values.get("server.port").isEmpty() ? "3005" : values.get("server.port");
        String appUrl = first(environment, APP_URL_OPTION, "SOFIA_APP_URL");
        return new DiagnoseSettings(
                values,
                appUrl.isEmpty() ? "http://localhost:" + port : appUrl,
                ConfigurationCheck.problems(environment));
    }

    String get(String key) {
        return values.getOrDefault(key, "");
    }

    boolean has(String key) {
        return !get(key).isEmpty();
    }

    /** The LiveKit API's base URL: {@code ws(s)://} becomes {@code http(s)://}. */
    String liveKitHttpUrl() {
        String url = get("sofia.livekit.url");
        if (url.startsWith("wss://")) {
            return "https://" + url.substring(6);
        }
        if (url.startsWith("ws://")) {
            return "http://" + url.substring(5);
        }
        return url;
    }

    /** Host and port of the LiveKit URL for details and hints; never a secret. */
    String liveKitAddress() {
        try {
            URI uri = URI.create(liveKitHttpUrl());
            return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "(malformed LIVEKIT_URL)";
        }
    }

    /** Whether LiveKit can be checked: URL, key and secret are all set. */
    boolean liveKitConfigured() {
        return has("sofia.livekit.url") && has("sofia.livekit.api-key") && has("sofia.livekit.api-secret");
    }

    String apiKey() {
        return get("sofia.livekit.api-key");
    }

    String apiSecret() {
        return get("sofia.livekit.api-secret");
    }

    String agentName() {
        return has("sofia.livekit.agent-name") ? get("sofia.livekit.agent-name") : "sofia";
    }

    /** {@code LIVEKIT_WEBHOOK_KEYS} as key to secret; malformed entries are left out (and reported). */
    Map<String, String> extraWebhookKeys() {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String pair : get("sofia.livekit.webhook-keys").split(",")) {
            int colon = pair.indexOf(':');
            if (colon > 0 && colon < pair.length() - 1) {
                keys.put(
                        pair.substring(0, colon).strip(),
                        pair.substring(colon + 1).strip());
            }
        }
        return keys;
    }

    private static String first(StandardEnvironment environment, String... names) {
        for (String name : names) {
            @Nullable String value = environment.getProperty(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return "";
    }

    // Only the profile-less document: the prod document changes nothing a check reads.
    private static List<PropertySource<?>> applicationYaml() {
        try {
            return new YamlPropertySourceLoader()
                    .load("application.yml", new ClassPathResource("application.yml")).stream()
                            .filter(source -> !source.containsProperty("spring.config.activate.on-profile"))
                            .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
