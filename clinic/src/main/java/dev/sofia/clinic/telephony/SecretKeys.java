package dev.sofia.clinic.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the {@link SecretBox} key comes from, in this order: {@code SOFIA_SECRET_KEY} (property
 * {@code sofia.secret-key}, base64 of 32 bytes); in production nothing else (start-up fails);
 * elsewhere a key generated once and kept in {@code <data dir>/secret.key} (mode 0600), or, with
 * no data dir (a throw-away database), a random key held only in memory.
 */
final class SecretKeys {

    static final String FILE_NAME = "secret.key";
    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SecretKeys() {}

    /**
     * The key as configured.
     *
     * @param configured the value of {@code sofia.secret-key}, blank when unset
     * @param production whether the {@code prod} profile is active
     * @param dataDir {@code sofia.data-dir}, null or blank for none
     * @throws IllegalStateException with a message naming the variable and the fix, never the key
     */
    static byte[] resolve(@Nullable String configured, boolean production, @Nullable String dataDir) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured.strip(), "SOFIA_SECRET_KEY");
        }
        if (production) {
            throw new IllegalStateException("SOFIA_SECRET_KEY is required in the prod profile: it encrypts the"
                    + " carrier passwords stored in the database. Generate one with `openssl rand -base64 32`"
                    + " and keep it safe; without the same key, stored passwords cannot be read.");
        }
        if (dataDir == null || dataDir.isBlank()) {
            log.info("No SOFIA_SECRET_KEY and no data dir: stored secrets use a throw-away in-memory key");
            return SecretBox.randomKey();
        }
        return fromFile(Path.of(dataDir).resolve(FILE_NAME));
    }

    private static byte[] fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            warnIfReadableByOthers(file);
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        String encoded = Base64.getEncoder().encodeToString(SecretBox.randomKey()) + "\n";
        boolean posix =
                Files.getFileAttributeView(file.toAbsolutePath().getParent(), PosixFileAttributeView.class) != null;
        try {
            // Created with owner-only permissions from the start: the key is never readable by others.
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return; // another process created it first; use theirs
        }
        Files.writeString(file, encoded, StandardCharsets.US_ASCII);
        log.info("Generated a secret key in {} (set SOFIA_SECRET_KEY to manage it yourself)", file);
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null && !OWNER_ONLY.containsAll(view.readAttributes().permissions())) {
            log.warn("The secret key file {} is readable by other users; chmod 600 it", file);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(source + " is not valid base64 (expected 32 random bytes, base64-encoded,"
                    + " e.g. from `openssl rand -base64 32`)");
        }
        if (key.length != SecretBox.KEY_BYTES) {
            throw new IllegalStateException(source + " must decode to 32 bytes (AES-256), not " + key.length
                    + "; generate one with `openssl rand -base64 32`");
        }
        return key;
    }
}
