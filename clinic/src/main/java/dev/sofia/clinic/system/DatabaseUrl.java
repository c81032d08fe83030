package dev.sofia.clinic.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An external PostgreSQL location from {@code DATABASE_URL}: either the common
 * {@code postgres://user:password@host:5432/db?sslmode=require} form or a JDBC URL. Credentials in
 * the URL are split out so the JDBC URL can be logged without them.
 */
public record DatabaseUrl(String jdbcUrl, Optional<String> user, Optional<String> password, String sslMode) {

    private static final Set<String> TLS_MODES = Set.of("require", "verify-ca", "verify-full");

    /** True when the driver will refuse to talk to the server without TLS. */
    public boolean requiresTls() {
        return TLS_MODES.contains(sslMode);
    }

    /** Parses the URL or throws {@link IllegalArgumentException} with a reason that never echoes the URL. */
    public static DatabaseUrl parse(String raw) {
        String text = raw.strip();
        String uriText;
        if (text.startsWith("jdbc:postgresql://")) {
            uriText = "postgresql://" + text.substring("jdbc:postgresql://".length());
        } else if (text.startsWith("postgres://") || text.startsWith("postgresql://")) {
            uriText = text;
        } else {
            throw new IllegalArgumentException("must start with postgres://, postgresql:// or jdbc:postgresql://");
        }
        URI uri;
        try {
            uri = new URI(uriText);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("is not a valid URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new IllegalArgumentException("has no host");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (path.length() <= 1) {
            throw new IllegalArgumentException("has no database name");
        }
        Map<String, String> query = query(uri.getRawQuery());
        Optional<String> user = Optional.ofNullable(query.remove("user"));
        Optional<String> password = Optional.ofNullable(query.remove("password"));
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = Optional.of(decode(parts[0]));
            password = parts.length > 1 ? Optional.of(decode(parts[1])) : password;
        }
        String sslMode = query.getOrDefault("sslmode", "prefer");
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append(path);
        String separator = "?";
        for (Map.Entry<String, String> e : query.entrySet()) {
            jdbc.append(separator).append(e.getKey()).append('=').append(e.getValue());
            separator = "&";
        }
        return new DatabaseUrl(jdbc.toString(), user, password, sslMode);
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> result = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return result;
        }
        for (String pair : rawQuery.split("&")) {
            String[] kv = pair.split("=", 2);
            result.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
        }
        return result;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // The JDK's message quotes the bad escape, which may be part of a password.
            throw new IllegalArgumentException("has an invalid %-escape");
        }
    }
}
