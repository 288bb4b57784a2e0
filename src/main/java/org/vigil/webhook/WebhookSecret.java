package org.vigil.webhook;

import java.security.SecureRandom;
import java.util.Base64;

/** A Standard Webhooks signing secret: {@code whsec_} followed by the base64 of the key bytes. */
public record WebhookSecret(byte[] key) {

    public static final String PREFIX = "whsec_";
    private static final int GENERATED_KEY_BYTES = 32;

    public WebhookSecret {
        if (key.length < 16) {
            throw new IllegalArgumentException("a webhook secret needs at least 16 key bytes");
        }
        key = key.clone();
    }

    /** Parses {@code whsec_<base64>}; the message never repeats the secret. */
    public static WebhookSecret parse(String text) {
        String trimmed = text.strip();
        if (!trimmed.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a webhook secret must start with " + PREFIX);
        }
        try {
            return new WebhookSecret(Base64.getDecoder().decode(trimmed.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a webhook secret must be " + PREFIX + " followed by base64");
        }
    }

    public static WebhookSecret generate(SecureRandom random) {
        byte[] key = new byte[GENERATED_KEY_BYTES];
        random.nextBytes(key);
        return new WebhookSecret(key);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    public String encoded() {
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    @Override
    public String toString() {
        return "WebhookSecret[redacted]";
    }
}
