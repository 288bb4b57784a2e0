package org.vigil.triage;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import org.jboss.logging.Logger;
import org.vigil.classify.MentionsClassified;
import org.vigil.platform.OneDrainAtATime;

import java.sql.SQLException;

/**
 * Triages classified mentions soon after they are classified. They wait in the database, so a restart
 * between classification and triage loses none; several replicas share the work through row locks.
 */
@ApplicationScoped
public class TriageWorker {

    private static final Logger LOG = Logger.getLogger(TriageWorker.class);

    private final TriageService service;
    private final MeterRegistry registry;
    private final int batchSize;
    private final OneDrainAtATime oneAtATime = new OneDrainAtATime();

    TriageWorker(TriageService service, MeterRegistry registry, TriageConfig config) {
        this.service = service;
        this.registry = registry;
        this.batchSize = config.batchSize();
    }

    @Scheduled(every = "{vigil.triage.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        oneAtATime.run(() -> {
            try {
                drain();
            } catch (SQLException | RuntimeException e) {
                // The mentions stay classified and waiting; the next poll tries again.
                LOG.error("Triage batch failed; will retry", e);
            }
        });
    }

    /** Triages at once what was just classified, so a threat does not wait for the next poll. */
    void onClassified(@ObservesAsync MentionsClassified batch) {
        poll();
    }

    /** Triages until nothing waits; returns how many mentions were triaged. */
    public long drain() throws SQLException {
        long total = 0;
        TriageService.TriagedBatch batch;
        do {
            batch = service.triagePending(batchSize);
            total += batch.triaged();
            registry.counter("vigil.mentions.triaged").increment(batch.triaged());
            batch.queued().stream().filter(TriageService.TriagedItemSummary::created).forEach(item ->
                    registry.counter("vigil.review.items.created", "priority", item.priority().name()).increment());
        } while (batch.triaged() == batchSize);
        return total;
    }
}
