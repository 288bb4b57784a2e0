package org.vigil.triage;

/** Why a mention entered the review queue. */
public enum EntryReason {
    /** The model labelled it with at least one category. */
    LABELLED,
    /** No label, but a score close below its threshold: what the model nearly missed. */
    NEAR_MISS,
    /** The classifier failed on it, so only a human can judge it. */
    UNCLASSIFIABLE
}
