package org.vigil.escalation;

/** Life of an escalation case; mirrored by a CHECK constraint on {@code escalation_case.state}. */
public enum CaseState {
    /** Alerted, nobody has taken it yet: tiers apply. */
    OPEN,
    /** Someone of the security unit took it. */
    ACKNOWLEDGED,
    /** Closed. */
    RESOLVED
}
