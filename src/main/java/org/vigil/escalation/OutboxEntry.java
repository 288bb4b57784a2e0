package org.vigil.escalation;

import io.quarkus.qute.TemplateData;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** An outbox row as the security unit and admins see it (without the bodies). */
@TemplateData
public record OutboxEntry(long id, UUID caseId, EmailKind kind, String recipient, String messageId,
        String subject, OutboxState state, int attempts, Instant createdAt, Optional<Instant> nextAttemptAt,
        Optional<Instant> sentAt, Optional<String> transport, Optional<String> lastError) {
}
