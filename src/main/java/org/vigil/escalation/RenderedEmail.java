package org.vigil.escalation;

/** Subject and both bodies of one email, in one language. */
public record RenderedEmail(String subject, String textBody, String htmlBody) {
}
