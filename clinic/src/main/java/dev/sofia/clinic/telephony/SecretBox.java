package dev.sofia.clinic.telephony;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets Sofia must keep (carrier SIP passwords) with AES-256-GCM from the JDK.
 *
 * <p>A sealed value is {@code [version 1][12-byte random nonce][ciphertext + 16-byte tag]}. The
 * version byte and a caller-chosen context (for example the table, column and row id) are
 * authenticated as associated data, so a ciphertext copied into another row or column does not
 * open. Opening fails on any changed byte, a wrong key or a wrong context; it never returns
 * garbage.
 */
final class SecretBox {

    /** The only format so far; a new one gets a new number and this class keeps reading the old. */
    static final byte VERSION = 1;

    static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    SecretBox(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has 32 bytes, not " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A box with a fresh random key (a throw-away database, as tests use). */
    static SecretBox withRandomKey() {
        return new SecretBox(randomKey());
    }

    static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Encrypts {@code plaintext}, bound to {@code context}; every call uses a new nonce. */
    byte[] seal(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(VERSION, context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    /**
     * Decrypts what {@link #seal} produced for the same context.
     *
     * @throws SecretBoxException when the value was changed, sealed with another key or for another
     *     context, or is not in a known format
     */
    String open(byte[] sealed, String context) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretBoxException("the sealed value is too short");
        }
        if (sealed[0] != VERSION) {
            throw new SecretBoxException("unknown sealed-value format " + sealed[0]);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 1, 1 + NONCE_BYTES)));
            cipher.updateAAD(associatedData(sealed[0], context));
            byte[] plain = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretBoxException("the sealed value was changed, or sealed with another key or context");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    private static byte[] associatedData(byte version, String context) {
        byte[] text = context.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + text.length).put(version).put(text).array();
    }

    @Override
    public String toString() {
        return "SecretBox[AES-256-GCM, v" + VERSION + "]";
    }

    /** A sealed value that cannot be opened; the message never contains key or plaintext. */
    static final class SecretBoxException extends RuntimeException {
        SecretBoxException(String message) {
            super(message);
        }
    }
}
