package org.vigil.ingest;

import org.vigil.problem.ProblemType;

import java.util.Locale;

/** Why one item of a delivery was not stored; the {@link #problem()} answers a single-mention delivery. */
public enum RejectionReason {
    INVALID_FIELDS(ProblemType.INVALID_FIELDS),
    TEXT_TOO_LONG(ProblemType.TEXT_TOO_LONG),
    UNKNOWN_MP(ProblemType.INVALID_FIELDS);

    private final ProblemType problem;

    RejectionReason(ProblemType problem) {
        this.problem = problem;
    }

    public ProblemType problem() {
        return problem;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static RejectionReason fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
