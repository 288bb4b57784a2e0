package org.vigil.triage;

/** How urgently a review item needs a human: P1 first. Each has a due time (see {@link TriageConfig}). */
public enum Priority {
    P1, P2, P3, P4;

    /** 1 for P1 ... 4 for P4, as stored in the database. */
    public int rank() {
        return ordinal() + 1;
    }

    public static Priority ofRank(int rank) {
        return values()[rank - 1];
    }

    /** The more urgent of the two. */
    public Priority mostUrgent(Priority other) {
        return compareTo(other) <= 0 ? this : other;
    }
}
