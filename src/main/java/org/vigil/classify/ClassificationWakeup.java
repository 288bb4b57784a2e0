package org.vigil.classify;

import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.vigil.ingest.MentionsStored;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts classifying as soon as a delivery commits, instead of at the next poll, so that a threat is
 * scored within milliseconds. Wake-ups coalesce: however many deliveries commit during a drain, at most one
 * more drain is queued behind it. Polling stays as the fallback (other replicas, a lost wake-up). Pausing
 * the scheduled job pauses this path too.
 */
@ApplicationScoped
class ClassificationWakeup {

    private final ClassificationWorker worker;
    private final ManagedExecutor executor;
    private final Scheduler scheduler;
    private final AtomicBoolean queued = new AtomicBoolean();

    ClassificationWakeup(ClassificationWorker worker, ManagedExecutor executor, Scheduler scheduler) {
        this.worker = worker;
        this.executor = executor;
        this.scheduler = scheduler;
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) MentionsStored stored) {
        if (!scheduler.isPaused(ClassificationWorker.JOB) && queued.compareAndSet(false, true)) {
            executor.execute(() -> {
                queued.set(false);
                worker.poll();
            });
        }
    }
}
