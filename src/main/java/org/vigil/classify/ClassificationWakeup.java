package org.vigil.classify;

import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.vigil.ingest.MentionsStored;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts classifying as soon as a delivery commits, instead of at the next poll, so that a threat is
 * scored within milliseconds. Wake-ups coalesce: however many deliveries commit during a drain, at most one
 * more drain is queued behind it. Polling stays as the fallback (other replicas, a lost wake-up). Pausing
 * the scheduled job pauses this path too.
 *
 * <p>The drain runs on a thread of its own, never on a context-propagating executor: the event arrives while the
 * delivery's transaction is completing, and a propagated transaction made the drain join that finished
 * transaction ("the transaction is not active"), lose its row locks and classify the same mentions as another
 * drain, which deadlocked.
 */
@ApplicationScoped
class ClassificationWakeup {

    private final ClassificationWorker worker;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "vigil-classification-wakeup");
        thread.setDaemon(true);
        return thread;
    });
    private final Scheduler scheduler;
    private final AtomicBoolean queued = new AtomicBoolean();

    ClassificationWakeup(ClassificationWorker worker, Scheduler scheduler) {
        this.worker = worker;
        this.scheduler = scheduler;
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
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
