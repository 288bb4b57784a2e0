package org.vigil.escalation;

/** Why an email about a case is sent; mirrored by a CHECK constraint on {@code escalation_outbox.kind}. */
public enum EmailKind {
    /** The first alert about a case. */
    ALERT,
    /** The alert repeated to the next tier because nobody acknowledged it. */
    TIER,
    /** Someone took the case. */
    ACKNOWLEDGED,
    /** The case is closed. */
    RESOLVED,
    /** Several lower-priority cases in one periodic email to one recipient (the row refers to the oldest). */
    DIGEST
}
