package org.vigil.review;

import org.vigil.triage.GroupKind;
import org.vigil.triage.ReviewState;

import java.util.List;
import java.util.UUID;

/**
 * What deciding once for a group did: the group, now marked handled, and the items that got the decision.
 *
 * @param decided the group's items that were open or held by the reviewer, now decided
 */
public record GroupDecision(GroupKind group, String key, ReviewState decision, List<UUID> decided) {

    /** The decisions a reviewer can take for a whole group. */
    public enum Decision {
        CONFIRM(ReviewState.CONFIRMED, ReviewAction.CONFIRM),
        DISMISS(ReviewState.DISMISSED, ReviewAction.DISMISS),
        ESCALATE(ReviewState.ESCALATED, ReviewAction.ESCALATE);

        private final ReviewState state;
        private final ReviewAction action;

        Decision(ReviewState state, ReviewAction action) {
            this.state = state;
            this.action = action;
        }

        ReviewState state() {
            return state;
        }

        ReviewAction action() {
            return action;
        }
    }
}
