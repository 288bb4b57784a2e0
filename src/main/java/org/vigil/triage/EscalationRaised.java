package org.vigil.triage;

import java.util.List;
import java.util.UUID;

/**
 * A review item must reach the security unit. Fired synchronously inside the transaction that decided it
 * (by triage, or by a reviewer escalating by hand), so an observer that writes to an outbox commits or
 * rolls back with that decision.
 *
 * @param raisedBy the staff user who escalated by hand, or {@code triage} for a rule
 */
public record EscalationRaised(UUID itemId, UUID mentionId, Priority priority, String reason,
        List<FiredRule> firedRules, String raisedBy) {
}
