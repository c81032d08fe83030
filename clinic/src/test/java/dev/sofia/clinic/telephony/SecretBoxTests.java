package dev.sofia.clinic.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretBoxTests {

    private final SecretBox box = SecretBox.withRandomKey();

    @Test
    void sealedValuesOpenToThePlaintextAndNeverContainIt() {
        String secret = "carrier-pässwörd-0123456789";
        byte[] sealed = box.seal(secret, "telephony_connections.inbound_password:1");

        assertThat(box.open(sealed, "telephony_connections.inbound_password:1")).isEqualTo(secret);
        assertThat(sealed[0]).isEqualTo(SecretBox.VERSION);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("carrier");
        // version + 12-byte nonce + ciphertext + 16-byte tag
        assertThat(sealed).hasSize(1 + 12 + secret.getBytes(StandardCharsets.UTF_8).length + 16);
    }

    @Test
    void everySealUsesAFreshNonce() {
        byte[] first = box.seal("same", "ctx");
        byte[] second = box.seal("same", "ctx");

        assertThat(first).isNotEqualTo(second);
        assertThat(box.open(first, "ctx")).isEqualTo(box.open(second, "ctx"));
    }

    @Test
    void anyChangedByteIsDetected() {
        byte[] sealed = box.seal("secret", "ctx");
        for (int i = 1; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> box.open(tampered, "ctx"))
                    .as("byte %d flipped", i)
                    .isInstanceOf(SecretBox.SecretBoxException.class);
        }
    }

    @Test
    void aTruncatedOrUnknownVersionValueIsRefused() {
        byte[] sealed = box.seal("secret", "ctx");
        byte[] otherVersion = sealed.clone();
        otherVersion[0] = 2;

        assertThatThrownBy(() -> box.open(otherVersion, "ctx"))
                .isInstanceOf(SecretBox.SecretBoxException.class)
                .hasMessageContaining("format 2");
        assertThatThrownBy(() -> box.open(new byte[20], "ctx")).isInstanceOf(SecretBox.SecretBoxException.class);
    }

    @Test
    void anotherKeyCannotOpenIt() {
        byte[] sealed = box.seal("secret", "ctx");

        assertThatThrownBy(() -> SecretBox.withRandomKey().open(sealed, "ctx"))
                .isInstanceOf(SecretBox.SecretBoxException.class)
                .hasMessageNotContaining("secret\"");
    }

    @Test
    void aValueMovedToAnotherRowOrColumnDoesNotOpen() {
        byte[] sealed = box.seal("secret", "telephony_connections.inbound_password:A");

        assertThatThrownBy(() -> box.open(sealed, "telephony_connections.inbound_password:B"))
                .isInstanceOf(SecretBox.SecretBoxException.class);
        assertThatThrownBy(() -> box.open(sealed, "telephony_connections.outbound_password:A"))
                .isInstanceOf(SecretBox.SecretBoxException.class);
    }

    @Test
    void theKeyMustHave32Bytes() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aConfiguredKeyIsUsedAsGiven() {
        byte[] key = SecretBox.randomKey();
        String encoded = Base64.getEncoder().encodeToString(key);

        assertThat(SecretKeys.resolve(" " + encoded + " ", true, "")).isEqualTo(key);
    }

    @Test
    void aMalformedConfiguredKeyFailsWithAMessageThatDoesNotEchoIt() {
        assertThatThrownBy(() -> SecretKeys.resolve("not*base64!", false, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SOFIA_SECRET_KEY is not valid base64")
                .hasMessageNotContaining("not*base64!");
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> SecretKeys.resolve(short16, false, ""))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes")
                .hasMessageNotContaining(short16);
    }

    @Test
    void productionWithoutAKeyRefusesToStart(@TempDir Path dir) {
        assertThatThrownBy(() -> SecretKeys.resolve("", true, dir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SOFIA_SECRET_KEY is required in the prod profile");
        assertThat(dir.resolve(SecretKeys.FILE_NAME)).doesNotExist();
    }

    @Test
    void withADataDirTheKeyIsGeneratedOnceIntoAnOwnerOnlyFile(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data");
        byte[] first = SecretKeys.resolve(null, false, data.toString());
        Path file = data.resolve(SecretKeys.FILE_NAME);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).isEqualTo(first);
        assertThat(SecretKeys.resolve("", false, data.toString())).isEqualTo(first);
    }

    @Test
    void aDamagedKeyFileStopsStartUpInsteadOfBeingReplaced(@TempDir Path dir) throws IOException {
        Path file = dir.resolve(SecretKeys.FILE_NAME);
        Files.writeString(file, "garbage");

        assertThatThrownBy(() -> SecretKeys.resolve("", false, dir.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString());
        assertThat(Files.readString(file)).isEqualTo("garbage");
    }

    @Test
    void withoutADataDirEachStartGetsItsOwnRandomKey() {
        assertThat(SecretKeys.resolve("", false, "")).hasSize(32).isNotEqualTo(SecretKeys.resolve("", false, ""));
    }
}
