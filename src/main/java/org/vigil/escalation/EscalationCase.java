package org.vigil.escalation;

import org.vigil.triage.Priority;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An escalation case as stored.
 *
 * @param alertJson the facts the first alert showed, as JSON, to render later emails from
 */
public record EscalationCase(UUID id, UUID itemId, Priority priority, CaseState state, Instant raisedAt,
        int tierSteps, int folded, Optional<Instant> acknowledgedAt, Optional<String> acknowledgedBy,
        String alertJson) {
}
