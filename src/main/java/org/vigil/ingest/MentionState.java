package org.vigil.ingest;

/**
 * Where a stored mention is in the pipeline; mirrored by the CHECK constraint on {@code mention.state}.
 * Only {@link MentionRepository} changes it.
 */
public enum MentionState {
    /** Stored, waiting for the classifier. */
    RECEIVED,
    /** Scored by the current model, waiting for triage (or re-classified with other labels: back to triage once). */
    CLASSIFIED,
    /** The classifier failed on it; triage still puts it in front of a human. */
    UNCLASSIFIABLE,
    /** Through triage: in the review queue, or judged to need no human. */
    TRIAGED
}
