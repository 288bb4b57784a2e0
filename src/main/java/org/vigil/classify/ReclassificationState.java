package org.vigil.classify;

/** Where a re-classification request is; mirrored by the CHECK constraint on {@code reclassification_request.state}. */
public enum ReclassificationState {
    /** Waiting for, or being worked by, the low-priority lane. */
    PENDING,
    /** Every triaged mention it covers was re-scored (or failed, and was counted). */
    DONE
}
