package dev.sofia.livekit.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away self-signed certificate for one IP address, as PEM files livekit-server's TURN/TLS
 * listener loads. Made with the JDK's own {@code keytool} (no extra library, no {@code openssl}):
 * it writes a PKCS#12 key store, from which the certificate and the PKCS#8 key are exported.
 *
 * @param certFile the certificate, PEM
 * @param keyFile the private key, PEM (PKCS#8), readable by the owner only
 * @param spkiSha256 base64 SHA-256 of the certificate's public key (its SubjectPublicKeyInfo), as
 *     Chromium's {@code --ignore-certificate-errors-spki-list} takes it to trust this one key
 */
public record SelfSignedCertificate(Path certFile, Path keyFile, String spkiSha256) {

    private static final String PASSWORD = "changeit"; // the key store is deleted at once
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    /** Generates a certificate valid for two days for {@code address} into {@code dir}. */
    public static SelfSignedCertificate generate(Path dir, InetAddress address) {
        Path keyStore = dir.resolve("turn.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        try {
            Files.deleteIfExists(keyStore);
            run(
                    keytool.toString(),
                    "-genkeypair",
                    "-alias",
                    "turn",
                    "-keyalg",
                    "EC",
                    "-groupname",
                    "secp256r1",
                    "-validity",
                    "2",
                    "-dname",
                    "CN=sofia-local-turn",
                    "-ext",
                    "san=ip:" + address.getHostAddress(),
                    "-keystore",
                    keyStore.toString(),
                    "-storetype",
                    "PKCS12",
                    "-storepass",
                    PASSWORD,
                    "-keypass",
                    PASSWORD);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            Certificate certificate = store.getCertificate("turn");
            PrivateKey key = (PrivateKey) store.getKey("turn", PASSWORD.toCharArray());
            Files.delete(keyStore);

            Path certFile = dir.resolve("turn-cert.pem");
            Path keyFile = dir.resolve("turn-key.pem");
            Files.writeString(certFile, pem("CERTIFICATE", certificate.getEncoded()), StandardCharsets.US_ASCII);
            Files.deleteIfExists(keyFile);
            Files.createFile(
                    keyFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyFile, pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
            byte[] spki = MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getPublicKey().getEncoded());
            return new SelfSignedCertificate(
                    certFile, keyFile, Base64.getEncoder().encodeToString(spki));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write a self-signed certificate into " + dir, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not read the key store keytool wrote", e);
        }
    }

    private static void run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("keytool failed: " + output);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool ran", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
