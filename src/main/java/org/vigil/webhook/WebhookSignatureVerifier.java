package org.vigil.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Verifies Standard Webhooks signatures: {@code v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}">}
 * over the raw body bytes, against every secret the integration currently accepts.
 */
@ApplicationScoped
public class WebhookSignatureVerifier {

    private static final Pattern WEBHOOK_ID = Pattern.compile("[\\x21-\\x7e]{1,256}");
    private static final Pattern UNIX_SECONDS = Pattern.compile("[0-9]{1,12}");
    private static final String VERSION_PREFIX = "v1,";

    private final Clock clock;
    private final Duration tolerance;

    @Inject
    WebhookSignatureVerifier(Clock clock, IntegrationsConfig config) {
        this(clock, config.webhook().timestampTolerance());
    }

    public WebhookSignatureVerifier(Clock clock, Duration tolerance) {
        this.clock = clock;
        this.tolerance = tolerance;
    }

    /** Returns normally when one of the signatures matches one of the secrets; throws a 401 problem otherwise. */
    public void verify(Integration integration, SignedRequest request) {
        String id = require(request.webhookId(), "webhook-id");
        String timestamp = require(request.webhookTimestamp(), "webhook-timestamp");
        String signatureHeader = require(request.webhookSignature(), "webhook-signature");
        if (!WEBHOOK_ID.matcher(id).matches()) {
            throw new ProblemException(ProblemType.SIGNATURE_MALFORMED,
                    "webhook-id must be 1 to 256 printable ASCII characters");
        }
        if (!UNIX_SECONDS.matcher(timestamp).matches()) {
            throw new ProblemException(ProblemType.SIGNATURE_MALFORMED,
                    "webhook-timestamp must be whole seconds since the Unix epoch");
        }
        List<byte[]> signatures = parseSignatures(signatureHeader);
        checkTimestamp(Long.parseLong(timestamp));

        byte[] signedContent = signedContent(id, timestamp, request.body());
        for (WebhookSecret secret : integration.secrets()) {
            byte[] expected = hmac(secret, signedContent);
            for (byte[] candidate : signatures) {
                if (MessageDigest.isEqual(expected, candidate)) {
                    return;
                }
            }
        }
        throw new ProblemException(ProblemType.SIGNATURE_INVALID,
                "No signature in webhook-signature matches a secret of integration " + integration.name());
    }

    /** Signs a delivery the way senders must; used by the demo guide, the load generator and tests. */
    public static String sign(WebhookSecret secret, String id, long timestamp, byte[] body) {
        byte[] signedContent = signedContent(id, Long.toString(timestamp), body);
        return VERSION_PREFIX + Base64.getEncoder().encodeToString(hmac(secret, signedContent));
    }

    private void checkTimestamp(long seconds) {
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - seconds) > tolerance.toSeconds()) {
            throw new ProblemException(ProblemType.TIMESTAMP_OUT_OF_TOLERANCE,
                    "webhook-timestamp is %d s from Vigil's clock; at most %d s are accepted"
                            .formatted(seconds - now, tolerance.toSeconds()));
        }
    }

    private static String require(String value, String header) {
        if (value == null || value.isBlank()) {
            throw new ProblemException(ProblemType.SIGNATURE_MISSING, "The " + header + " header is missing");
        }
        return value.strip();
    }

    /** Keeps every well-formed v1 signature; other versions are skipped as the specification asks. */
    private static List<byte[]> parseSignatures(String header) {
        List<byte[]> signatures = new ArrayList<>();
        for (String token : header.split(" ")) {
            if (token.startsWith(VERSION_PREFIX)) {
                try {
                    signatures.add(Base64.getDecoder().decode(token.substring(VERSION_PREFIX.length())));
                } catch (IllegalArgumentException e) {
                    // A bad token next to a good one must not hide the good one.
                }
            }
        }
        if (signatures.isEmpty()) {
            throw new ProblemException(ProblemType.SIGNATURE_MALFORMED,
                    "webhook-signature holds no v1,<base64> signature");
        }
        return signatures;
    }

    private static byte[] signedContent(String id, String timestamp, byte[] body) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, content, 0, prefix.length);
        System.arraycopy(body, 0, content, prefix.length, body.length);
        return content;
    }

    private static byte[] hmac(WebhookSecret secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
