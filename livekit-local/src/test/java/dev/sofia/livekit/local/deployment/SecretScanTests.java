package dev.sofia.livekit.local.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret in any file git tracks (SecretScanner over {@code git ls-files}), and the scanner does
 * find secrets: freshly generated ones planted in a temporary directory, never in the repository.
 */
class SecretScanTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void noTrackedFileHoldsASecret() {
        Path root = RepositoryFiles.root();
        List<String> tracked = SecretScanner.trackedFiles(root);
        assertThat(tracked).contains("deploy/compose.yaml", "deploy/livekit.yaml", "deploy/.env.example");

        assertThat(SecretScanner.scan(root, tracked)).isEmpty();
    }

    @Test
    void theLiveKitConfigsHoldOnlyPlaceholdersForKeys() {
        for (String file : List.of("deploy/livekit.yaml", "deploy/livekit-tcp-only.yaml", "deploy/sip.yaml")) {
            Map<String, Object> config = YamlFile.read(RepositoryFiles.resolve(file));
            assertThat(config).as(file).doesNotContainKeys("keys", "key_file", "api_key", "api_secret");
        }
    }

    @Test
    void plantedKeysAreFound(@TempDir Path dir) throws Exception {
        var keyPair = KeyPairGenerator.getInstance("EC").generateKeyPair();
        Files.writeString(
                dir.resolve("id_ec.pem"),
                "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder()
                                .encodeToString(keyPair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
        Files.writeString(dir.resolve(".env"), "LIVEKIT_API_SECRET=" + randomToken(48) + "\n");
        Files.writeString(dir.resolve("app.properties"), "aws.key=AKIA" + randomUpper(16) + "\n");
        Files.writeString(dir.resolve("notes.md"), "token ghp_" + randomToken(36) + " in a note\n");
        // what placeholders look like: not findings
        Files.writeString(dir.resolve(".env.example"), "LIVEKIT_API_SECRET=change-me-to-a-random-secret\n");

        List<SecretScanner.Finding> findings =
                SecretScanner.scan(dir, List.of("id_ec.pem", ".env", "app.properties", "notes.md", ".env.example"));

        assertThat(findings)
                .extracting(SecretScanner.Finding::file, SecretScanner.Finding::rule)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("id_ec.pem", "private-key"),
                        org.assertj.core.groups.Tuple.tuple(".env", "secret-assignment"),
                        org.assertj.core.groups.Tuple.tuple("app.properties", "aws-access-key-id"),
                        org.assertj.core.groups.Tuple.tuple("notes.md", "github-token"));
        // a finding says where, never what
        assertThat(findings.toString())
                .doesNotContain(Files.readString(dir.resolve(".env")).substring(19, 40));
    }

    private static String randomToken(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder s = new StringBuilder();
        // one digit for certain, as generated secrets nearly always have
        s.append((char) ('0' + RANDOM.nextInt(10)));
        while (s.length() < length) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String randomUpper(int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder s = new StringBuilder();
        while (s.length() < length) {
            s.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
