package org.vigil.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts stored webhook secrets with AES-256-GCM (random 12-byte nonce, the integration's id as
 * associated data, so a ciphertext cannot be moved to another integration). The key comes from
 * {@code VIGIL_SECRETS_KEY}; the embedded demo generates one in its data directory; otherwise there is none
 * and storing a secret is refused.
 */
@ApplicationScoped
public class SecretCipher {

    private static final Logger LOG = Logger.getLogger(SecretCipher.class);
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Optional<SecretKeySpec> key;
    private final SecureRandom random = new SecureRandom();

    SecretCipher(IntegrationsConfig config,
                 @ConfigProperty(name = "vigil.demo.enabled", defaultValue = "false") boolean demo,
                 @ConfigProperty(name = "vigil.data-dir", defaultValue = "vigil-data") String dataDir) {
        this.key = config.secretsKey().map(SecretCipher::decode)
                .or(() -> demo ? Optional.of(demoKey(Path.of(dataDir, "secrets.key"))) : Optional.empty());
    }

    public boolean available() {
        return key.isPresent();
    }

    public byte[] encrypt(long integrationId, String secret) {
        SecretKeySpec k = key.orElseThrow(() -> new IllegalStateException("no secrets key"));
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(integrationId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    public String decrypt(long integrationId, byte[] stored) {
        SecretKeySpec k = key.orElseThrow(() -> new IllegalStateException(
                "Stored webhook secrets are encrypted, but VIGIL_SECRETS_KEY is not set"));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, k, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(integrationId));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored webhook secret does not decrypt: wrong VIGIL_SECRETS_KEY?", e);
        }
    }

    private static byte[] associatedData(long integrationId) {
        return ("vigil-integration:" + integrationId).getBytes(StandardCharsets.US_ASCII);
    }

    private static SecretKeySpec decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("VIGIL_SECRETS_KEY must be base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("VIGIL_SECRETS_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private SecretKeySpec demoKey(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.toAbsolutePath().getParent());
                byte[] bytes = new byte[KEY_BYTES];
                random.nextBytes(bytes);
                Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    LOG.warnf("Could not restrict permissions of %s", file);
                }
                LOG.infof("Generated the key for stored webhook secrets in %s (set VIGIL_SECRETS_KEY in production)", file);
            }
            return decode(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create " + file, e);
        }
    }
}
