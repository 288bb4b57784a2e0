package org.vigil.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.vigil.triage.EscalationRaised;

import java.sql.SQLException;

/**
 * Hears every escalation, from triage or from a reviewer, while the deciding transaction is still open: if
 * the alert cannot be written the decision rolls back with it, so an escalation never exists without its alert.
 */
@ApplicationScoped
class EscalationObserver {

    private final EscalationService service;

    EscalationObserver(EscalationService service) {
        this.service = service;
    }

    void onEscalation(@Observes EscalationRaised event) {
        try {
            service.raise(event);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the escalation outbox for item " + event.itemId(), e);
        }
    }
}
