package org.vigil.classify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;

import java.sql.SQLException;

/**
 * The low-priority lane: works through re-classification requests in small batches, each its own
 * transaction, and stops as soon as a new mention waits, so a new threat never waits behind a backlog.
 */
@ApplicationScoped
public class ReclassificationLane {

    private static final Logger LOG = Logger.getLogger(ReclassificationLane.class);

    /** The scheduled job's identity. */
    static final String JOB = "reclassification-lane";

    private final ReclassificationService service;
    private final Event<MentionsClassified> classified;
    private final int batchSize;
    private final Counter rescored;
    private final Counter backToTriage;
    private final Counter failed;
    private final Counter gaveWay;

    ReclassificationLane(ReclassificationService service, Event<MentionsClassified> classified,
                         ReclassificationConfig config, MeterRegistry registry) {
        this.service = service;
        this.classified = classified;
        this.batchSize = config.batchSize();
        this.rescored = registry.counter("vigil.reclassification.rescored");
        this.backToTriage = registry.counter("vigil.reclassification.back.to.triage");
        this.failed = registry.counter("vigil.reclassification.failed");
        this.gaveWay = registry.counter("vigil.reclassification.gave.way");
    }

    @Scheduled(identity = JOB, every = "{vigil.classification.reclassify.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            drain();
        } catch (SQLException | RuntimeException e) {
            // The request keeps its place; the next poll goes on from there.
            LOG.error("Re-classification batch failed; will retry", e);
        }
    }

    /** Re-scores batches until the request is done, none is pending, or new mentions wait; returns why it stopped. */
    public ReclassificationService.Outcome drain() throws SQLException {
        ReclassificationService.Batch batch;
        do {
            batch = service.rescoreBatch(batchSize);
            rescored.increment(batch.rescored());
            backToTriage.increment(batch.backToTriage());
            failed.increment(batch.failed());
            if (batch.outcome() == ReclassificationService.Outcome.GAVE_WAY) {
                gaveWay.increment();
            }
            if (batch.backToTriage() > 0) {
                classified.fireAsync(new MentionsClassified(batch.backToTriage()));
            }
        } while (batch.outcome() == ReclassificationService.Outcome.RESCORED);
        return batch.outcome();
    }
}
