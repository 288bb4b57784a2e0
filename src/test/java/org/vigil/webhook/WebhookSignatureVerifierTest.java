package org.vigil.webhook;

import org.junit.jupiter.api.Test;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureVerifierTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");
    private static final WebhookSecret OLD = WebhookSecret.parse("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final WebhookSecret NEW = WebhookSecret.parse("whsec_dGVzdC1zZWNyZXQtb25lLTMyLWJ5dGVzLWxvbmctLS0=");
    private static final byte[] BODY = "{\"text\":\"hello\"}".getBytes(StandardCharsets.UTF_8);

    private final WebhookSignatureVerifier verifier =
            new WebhookSignatureVerifier(Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofMinutes(5));
    private final Integration integration = new Integration(1, "test", List.of(NEW));

    private static SignedRequest signedWith(WebhookSecret secret, long timestamp, byte[] body) {
        return new SignedRequest("msg_1", Long.toString(timestamp),
                WebhookSignatureVerifier.sign(secret, "msg_1", timestamp, body), body);
    }

    private void assertRefused(SignedRequest request, ProblemType expected) {
        assertThatThrownBy(() -> verifier.verify(integration, request))
                .isInstanceOfSatisfying(ProblemException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.type()).isEqualTo(expected));
    }

    @Test
    void acceptsSignatureMadeWithTheIntegrationsSecret() {
        assertThatCode(() -> verifier.verify(integration, signedWith(NEW, NOW.getEpochSecond(), BODY)))
                .doesNotThrowAnyException();
    }

    @Test
    void matchesTheStandardWebhooksReferenceSignature() {
        // The example of the Standard Webhooks specification: secret, id, timestamp and body give this signature.
        byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
        String signature = WebhookSignatureVerifier.sign(OLD, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body);
        org.assertj.core.api.Assertions.assertThat(signature)
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void refusesSignatureMadeWithAnotherSecret() {
        Integration withOldOnly = new Integration(1, "test", List.of(OLD));
        SignedRequest request = signedWith(NEW, NOW.getEpochSecond(), BODY);
        assertThatThrownBy(() -> verifier.verify(withOldOnly, request))
                .isInstanceOfSatisfying(ProblemException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.type()).isEqualTo(ProblemType.SIGNATURE_INVALID));
    }

    @Test
    void refusesBodyChangedByOneByte() {
        SignedRequest signed = signedWith(NEW, NOW.getEpochSecond(), BODY);
        byte[] tampered = BODY.clone();
        tampered[tampered.length - 2] ^= 1;
        assertRefused(new SignedRequest(signed.webhookId(), signed.webhookTimestamp(), signed.webhookSignature(), tampered),
                ProblemType.SIGNATURE_INVALID);
    }

    @Test
    void refusesEachMissingHeader() {
        SignedRequest signed = signedWith(NEW, NOW.getEpochSecond(), BODY);
        assertRefused(new SignedRequest(null, signed.webhookTimestamp(), signed.webhookSignature(), BODY), ProblemType.SIGNATURE_MISSING);
        assertRefused(new SignedRequest(signed.webhookId(), "", signed.webhookSignature(), BODY), ProblemType.SIGNATURE_MISSING);
        assertRefused(new SignedRequest(signed.webhookId(), signed.webhookTimestamp(), null, BODY), ProblemType.SIGNATURE_MISSING);
    }

    @Test
    void rejectsSignatureOlderThanFiveMinutes() {
        assertRefused(signedWith(NEW, NOW.minusSeconds(301).getEpochSecond(), BODY), ProblemType.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void rejectsTimestampMoreThanFiveMinutesAhead() {
        assertRefused(signedWith(NEW, NOW.plusSeconds(301).getEpochSecond(), BODY), ProblemType.TIMESTAMP_OUT_OF_TOLERANCE);
    }

    @Test
    void acceptsTimestampJustInsideTheWindow() {
        assertThatCode(() -> verifier.verify(integration, signedWith(NEW, NOW.minusSeconds(300).getEpochSecond(), BODY)))
                .doesNotThrowAnyException();
    }

    @Test
    void refusesMalformedHeaders() {
        SignedRequest signed = signedWith(NEW, NOW.getEpochSecond(), BODY);
        assertRefused(new SignedRequest(signed.webhookId(), "yesterday", signed.webhookSignature(), BODY), ProblemType.SIGNATURE_MALFORMED);
        assertRefused(new SignedRequest(signed.webhookId(), signed.webhookTimestamp(), "sha256=abc", BODY), ProblemType.SIGNATURE_MALFORMED);
        assertRefused(new SignedRequest(signed.webhookId(), signed.webhookTimestamp(), "v1,@@@@", BODY), ProblemType.SIGNATURE_MALFORMED);
        assertRefused(new SignedRequest("id with spaces", signed.webhookTimestamp(), signed.webhookSignature(), BODY), ProblemType.SIGNATURE_MALFORMED);
    }

    @Test
    void acceptsOldAndNewSecretWhileRotating() {
        Integration rotating = new Integration(1, "test", List.of(OLD, NEW));
        assertThatCode(() -> verifier.verify(rotating, signedWith(OLD, NOW.getEpochSecond(), BODY))).doesNotThrowAnyException();
        assertThatCode(() -> verifier.verify(rotating, signedWith(NEW, NOW.getEpochSecond(), BODY))).doesNotThrowAnyException();
    }

    @Test
    void acceptsWhenAnyOfSeveralSignaturesMatches() {
        SignedRequest byNew = signedWith(NEW, NOW.getEpochSecond(), BODY);
        String header = "v1a,ignoredversion " + WebhookSignatureVerifier.sign(OLD, "msg_1", NOW.getEpochSecond(), BODY)
                + " v1,%%%bad " + byNew.webhookSignature();
        assertThatCode(() -> verifier.verify(integration,
                new SignedRequest("msg_1", byNew.webhookTimestamp(), header, BODY))).doesNotThrowAnyException();
    }
}
