package org.vigil.classify;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import org.jboss.logging.Logger;
import org.vigil.platform.OneDrainAtATime;

import java.sql.SQLException;

/**
 * Classifies every stored mention soon after it arrives. Mentions wait in the database, not in memory,
 * so a restart loses none; several replicas share the work through row locks.
 */
@ApplicationScoped
public class ClassificationWorker {

    private static final Logger LOG = Logger.getLogger(ClassificationWorker.class);

    private final ClassificationService service;
    private final MeterRegistry registry;
    private final Event<MentionsClassified> classified;
    private final int batchSize;
    private final OneDrainAtATime oneAtATime = new OneDrainAtATime();

    ClassificationWorker(ClassificationService service, MeterRegistry registry, Event<MentionsClassified> classified,
                         ClassificationWorkerConfig config) {
        this.service = service;
        this.registry = registry;
        this.classified = classified;
        this.batchSize = config.batchSize();
    }

    /** The scheduled job's identity: pausing it (scheduler API) pauses every way of classifying. */
    static final String JOB = "classification-poll";

    @Scheduled(identity = JOB, every = "{vigil.classification.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        oneAtATime.run(() -> {
            try {
                drain();
            } catch (SQLException | RuntimeException e) {
                // The mentions stay queued; the next poll tries again.
                LOG.error("Classification batch failed; will retry", e);
            }
        });
    }

    /** Classifies until nothing waits; returns how many mentions were classified. */
    public long drain() throws SQLException {
        long total = 0;
        ClassificationService.ClassifiedBatch batch;
        do {
            batch = service.classifyPending(batchSize);
            total += batch.classifications().size();
            record(batch);
            if (batch.size() > 0) {
                classified.fireAsync(new MentionsClassified(batch.size()));
            }
        } while (batch.size() == batchSize);
        return total;
    }

    private void record(ClassificationService.ClassifiedBatch committed) {
        registry.counter("vigil.mentions.classified").increment(committed.classifications().size());
        registry.counter("vigil.mentions.unclassifiable").increment(committed.failures().size());
        for (Classification classification : committed.classifications()) {
            classification.labels().forEach(label ->
                    registry.counter("vigil.mentions.flagged", "category", label.name()).increment());
        }
    }
}
