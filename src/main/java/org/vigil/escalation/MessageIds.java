package org.vigil.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * Message-IDs of escalation emails. The first email a recipient gets about a case has an id derived from
 * the case and the address, so every later email to that recipient can answer it and a mail client shows
 * one thread per case.
 */
@ApplicationScoped
public class MessageIds {

    private final String domain;

    MessageIds(EscalationConfig config, @ConfigProperty(name = "vigil.public-url", defaultValue = "http://localhost:8080") URI publicUrl) {
        this.domain = config.messageIdDomain().orElse(publicUrl.getHost() == null ? "localhost" : publicUrl.getHost());
    }

    public String domain() {
        return domain;
    }

    /** The id of the first email about {@code caseId} to {@code address}. */
    public String threadRoot(UUID caseId, String address) {
        return "<vigil." + caseId + "." + addressKey(address) + "@" + domain + ">";
    }

    /** A new id for a later email in that thread. */
    public String followUp(UUID caseId, EmailKind kind, String address) {
        return "<vigil." + caseId + "." + kind.name().toLowerCase(Locale.ROOT) + "." + UUID.randomUUID() + "."
                + addressKey(address) + "@" + domain + ">";
    }

    /** The id of the digest to {@code address} that starts with the waiting entry {@code firstEntry}. */
    public String digest(long firstEntry, String address) {
        return "<vigil.digest." + firstEntry + "." + addressKey(address) + "@" + domain + ">";
    }

    private static String addressKey(String address) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(address.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
