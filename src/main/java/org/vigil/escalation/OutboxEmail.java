package org.vigil.escalation;

import java.util.Optional;
import java.util.UUID;

/**
 * One email about a case, rendered for one recipient.
 *
 * @param messageId  the Message-ID header, with angle brackets; the same on every attempt
 * @param inReplyTo  the first email this recipient received about the case, which this one answers
 */
public record OutboxEmail(UUID caseId, EmailKind kind, Recipient recipient, String messageId,
        Optional<String> inReplyTo, String subject, String textBody, String htmlBody) {
}
