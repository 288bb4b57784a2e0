package org.vigil.support;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.vigil.webhook.WebhookSecret;
import org.vigil.webhook.WebhookSignatureVerifier;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Signs and sends deliveries the way parliament IT does; secrets match the %test profile. */
public final class Webhooks {

    public static final WebhookSecret CURRENT_SECRET = WebhookSecret.parse("whsec_dGVzdC1zZWNyZXQtb25lLTMyLWJ5dGVzLWxvbmctLS0=");
    public static final WebhookSecret ROTATED_SECRET = WebhookSecret.parse("whsec_dGVzdC1zZWNyZXQtdHdvLTMyLWJ5dGVzLWxvbmctLS0=");
    public static final WebhookSecret OTHER_INTEGRATION_SECRET = WebhookSecret.parse("whsec_b3RoZXItaW50ZWdyYXRpb24tc2VjcmV0LTMyYnl0ZXM=");
    public static final String MENTIONS = "/api/v1/webhooks/{integration}/mentions";

    private Webhooks() {
    }

    public static String newId() {
        return "msg_" + UUID.randomUUID();
    }

    /** A signed request for the "test" integration, ready for more headers or a different path. */
    public static RequestSpecification signed(String id, long timestamp, String body) {
        return signed(CURRENT_SECRET, "application/json", id, timestamp, body.getBytes(StandardCharsets.UTF_8));
    }

    /** A request signed now, under a new id, with any secret, content type and raw bytes. */
    public static RequestSpecification signed(WebhookSecret secret, String contentType, byte[] body) {
        return signed(secret, contentType, newId(), Instant.now().getEpochSecond(), body);
    }

    private static RequestSpecification signed(WebhookSecret secret, String contentType, String id, long timestamp,
                                               byte[] body) {
        return given()
                .contentType(contentType)
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignatureVerifier.sign(secret, id, timestamp, body))
                .body(body);
    }

    public static Response deliver(String id, String body) {
        return signed(id, Instant.now().getEpochSecond(), body).post(MENTIONS, "test");
    }

    public static Response deliver(String body) {
        return deliver(newId(), body);
    }

    /** A valid mention as JSON; the external id makes it unique across the whole suite. */
    public static String mention(String externalId, String mpHandle, String text) {
        return """
                {"platform": "x", "externalId": "%s", "mpHandle": "%s",
                 "author": {"id": "998877", "handle": "@someone", "displayName": "Some One"},
                 "text": "%s", "url": "https://x.com/someone/status/%s",
                 "postedAt": "2026-11-28T10:00:00Z", "inReplyTo": null, "lang": null}"""
                .formatted(externalId, mpHandle, text, externalId);
    }

    public static String uniqueExternalId() {
        return Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()));
    }
}
