package org.vigil.classify;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.SQLException;

/** The shadow model's own low-priority job: it scores new mentions after triage, never on their way in. */
@ApplicationScoped
public class ShadowWorker {

    private static final Logger LOG = Logger.getLogger(ShadowWorker.class);

    private final ShadowService service;
    private final int batchSize;

    ShadowWorker(ShadowService service, ShadowConfig config) {
        this.service = service;
        this.batchSize = config.batchSize();
    }

    @Scheduled(identity = "shadow-classification", every = "{vigil.classifier.shadow.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            int scored;
            do {
                scored = service.scoreBatch(batchSize);
            } while (scored == batchSize);
        } catch (SQLException | RuntimeException e) {
            LOG.error("Shadow batch failed; will retry", e);
        }
    }
}
