package org.vigil.triage;

/**
 * Decides the priority of a classified mention. Runs inside the triage transaction, so a policy may read
 * the database (an author's history, an MP's recent volume) and sees what triage committed before.
 */
public interface TriagePolicy {

    TriageOutcome assess(TriageCandidate candidate);
}
