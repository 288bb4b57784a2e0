package org.vigil.classify;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;

/**
 * Classifies every stored mention soon after it arrives. Mentions wait in the database, not in memory,
 * so a restart loses none; several replicas share the work through row locks.
 */
@ApplicationScoped
public class ClassificationWorker {

    private static final Logger LOG = Logger.getLogger(ClassificationWorker.class);

    private final ClassificationService service;
    private final int batchSize;

    ClassificationWorker(ClassificationService service, ClassificationConfig config) {
        this.service = service;
        this.batchSize = config.batchSize();
    }

    @Scheduled(every = "${vigil.classification.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            drain();
        } catch (SQLException | RuntimeException e) {
            // The mentions stay queued; the next poll tries again.
            LOG.error("Classification batch failed; will retry", e);
        }
    }

    /** Classifies until nothing waits; returns how many mentions were classified. */
    public long drain() throws SQLException {
        long total = 0;
        int classified;
        do {
            classified = service.classifyPending(batchSize);
            total += classified;
        } while (classified == batchSize);
        return total;
    }
}
