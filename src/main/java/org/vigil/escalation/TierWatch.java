package org.vigil.escalation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;

/** Looks for unacknowledged P1 cases that must go to their next tier. */
@ApplicationScoped
class TierWatch {

    private static final Logger LOG = Logger.getLogger(TierWatch.class);

    private final CaseService cases;

    TierWatch(CaseService cases) {
        this.cases = cases;
    }

    @Scheduled(every = "{vigil.escalation.relay.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            cases.advanceTiers();
        } catch (SQLException | RuntimeException e) {
            LOG.error("Tier check failed; will retry", e);
        }
    }
}
