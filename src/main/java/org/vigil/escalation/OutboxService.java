package org.vigil.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.vigil.audit.AuditLog;
import org.vigil.paging.PageCursor;
import org.vigil.problem.ProblemException;
import org.vigil.problem.ProblemType;

import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/** What the security unit and admins do with the outbox: see what was sent, send a dead email again. */
@ApplicationScoped
public class OutboxService {

    private final OutboxRepository outbox;
    private final AuditLog audit;
    private final Clock clock;

    OutboxService(OutboxRepository outbox, AuditLog audit, Clock clock) {
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    /** Emails in a state, newest first, from just below {@code after} (from the newest when empty). */
    @Transactional
    public OutboxPage page(OutboxState state, Optional<PageCursor> after, int size) throws SQLException {
        return outbox.page(state, after, size);
    }

    /** Puts a dead email back in the queue with fresh attempts; audited. */
    @Transactional
    public void resend(long id) throws SQLException {
        OutboxState state = outbox.state(id).orElseThrow(() ->
                new ProblemException(ProblemType.NOT_FOUND, "No escalation email " + id));
        if (state != OutboxState.DEAD || !outbox.resend(id, clock.instant())) {
            throw new ProblemException(ProblemType.NOT_IN_DEAD_LETTER, "Email " + id + " is " + state);
        }
        audit.record("escalation.email.resend", "escalation_outbox", Long.toString(id), Map.of("state", state),
                Map.of("state", OutboxState.PENDING));
    }
}
