package org.vigil.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Signed, expiring acknowledgement links: {@code <public-url>/escalation/ack/<payload>.<HMAC-SHA256>}, the
 * payload naming the case, the recipient and the expiry. Opening one only shows a confirmation page.
 */
@ApplicationScoped
public class AckLinks {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final EscalationConfig config;
    private final CaseRepository cases;
    private final String publicUrl;
    private volatile byte[] key;

    AckLinks(EscalationConfig config, CaseRepository cases,
             @ConfigProperty(name = "vigil.public-url", defaultValue = "http://localhost:8080") URI publicUrl) {
        this.config = config;
        this.cases = cases;
        this.publicUrl = publicUrl.toString().replaceAll("/+$", "");
    }

    public String url(UUID caseId, String address, Instant now) {
        Instant expires = now.plus(config.linkValidity());
        String payload = ENCODER.encodeToString((caseId + "|" + expires.getEpochSecond() + "|" + address)
                .getBytes(StandardCharsets.UTF_8));
        return publicUrl + "/escalation/ack/" + payload + "." + ENCODER.encodeToString(sign(payload));
    }

    /** The claim of a correctly signed token (possibly expired); empty when forged or malformed. */
    public Optional<AckClaim> verify(String token) {
        int dot = token.indexOf('.');
        if (dot < 1 || token.length() > 2048) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(sign(payload), DECODER.decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts = new String(DECODER.decode(payload), StandardCharsets.UTF_8).split("\\|", 3);
            return Optional.of(new AckClaim(UUID.fromString(parts[0]), parts[2],
                    Instant.ofEpochSecond(Long.parseLong(parts[1]))));
        } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM", e);
        }
    }

    private byte[] key() {
        byte[] current = key;
        if (current == null) {
            try {
                Optional<String> configured = config.linkSecret();
                current = configured.isPresent() ? configured.get().getBytes(StandardCharsets.UTF_8)
                        : cases.linkSecret();
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the acknowledgement link key", e);
            }
            key = current;
        }
        return current;
    }

    /** What a valid acknowledgement link says: which case, sent to whom, valid until when. */
    public record AckClaim(UUID caseId, String address, Instant expires) {
    }
}
