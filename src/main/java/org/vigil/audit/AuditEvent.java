package org.vigil.audit;

import java.time.Instant;
import java.util.Optional;

/** One line of the audit log; {@code before} and {@code after} are the JSON the action recorded. */
public record AuditEvent(long id, Instant occurredAt, String actor, String action, Optional<String> objectType,
                         Optional<String> objectId, Optional<String> before, Optional<String> after) {
}
