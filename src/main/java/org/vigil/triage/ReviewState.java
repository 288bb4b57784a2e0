package org.vigil.triage;

/**
 * Where a review item is; mirrored by the CHECK constraint on {@code review_item.state}. Only
 * {@link ReviewItemRepository} changes it.
 */
public enum ReviewState {
    /** In the queue, waiting for a reviewer. */
    OPEN,
    /** A reviewer holds it under a lease; it returns to the queue when the lease runs out. */
    CLAIMED,
    /** Its reviewer waits for information; the lease is paused and nobody else gets it. */
    ON_HOLD,
    /** Abuse, with the categories the reviewer confirmed or corrected. */
    CONFIRMED,
    /** Not abusive. */
    DISMISSED,
    /** Handed to the security unit. */
    ESCALATED;

    public boolean isDecided() {
        return this == CONFIRMED || this == DISMISSED || this == ESCALATED;
    }
}
