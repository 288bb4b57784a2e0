package org.vigil.triage;

/**
 * A group of review items a reviewer can decide once and mark handled; mirrored by the CHECK constraint on
 * {@code handled_group.kind}.
 */
public enum GroupKind {
    /** Near-identical texts from several authors (key: the campaign's id). */
    CAMPAIGN,
    /** Mentions tagged {@code pile-on} aimed at one MP (key: the MP's target key, see {@link TriageCandidate#targetKey()}). */
    PILE_ON,
    /** Everything one author wrote (key: {@code <platform>:<author id>}). */
    AUTHOR
}
