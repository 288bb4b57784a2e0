package org.vigil.escalation;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;

/** Looks for digests that are due (see {@link DigestConfig}). */
@ApplicationScoped
class DigestWatch {

    private static final Logger LOG = Logger.getLogger(DigestWatch.class);

    private final DigestService digests;
    private final DigestConfig config;

    DigestWatch(DigestService digests, DigestConfig config) {
        this.digests = digests;
        this.config = config;
    }

    @Scheduled(every = "{vigil.escalation.digest.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        if (!config.enabled()) {
            return;
        }
        try {
            digests.sendDue();
        } catch (SQLException | RuntimeException e) {
            LOG.error("Digest check failed; will retry", e);
        }
    }
}
