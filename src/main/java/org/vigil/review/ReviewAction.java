package org.vigil.review;

/** What staff can do to a review item; mirrored by the CHECK constraint on {@code review_action.action}. */
public enum ReviewAction {
    CLAIM, RELEASE, LEASE_EXPIRED, REVEAL, CONFIRM, DISMISS, ESCALATE, SECOND_OPINION, HAND_OVER, HOLD, RESUME,
    REOPEN, NOTE
}
