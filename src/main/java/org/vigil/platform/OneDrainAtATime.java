package org.vigil.platform;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Lets a pipeline stage drain its queue in one thread of this instance at a time. Wake-ups arrive with every
 * committed batch; when each started its own drain, a slow stage ran dozens at once, which took every
 * database connection and starved the stages after it. A wake-up that finds a drain running asks it to look
 * once more instead, so none is lost. Replicas still share the work through row locks.
 */
public final class OneDrainAtATime {

    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    /** Runs {@code drain}, or has the drain already running in another thread run again when it ends. */
    public void run(Runnable drain) {
        requested.set(true);
        while (requested.get() && running.compareAndSet(false, true)) {
            try {
                requested.set(false);
                drain.run();
            } finally {
                running.set(false);
            }
        }
    }
}
