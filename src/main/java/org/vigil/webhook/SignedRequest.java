package org.vigil.webhook;

/** The parts of an HTTP request that a Standard Webhooks signature covers or carries. */
public record SignedRequest(String webhookId, String webhookTimestamp, String webhookSignature, byte[] body) {
}
