package org.vigil.escalation;

/** Life of an outbox email; mirrored by a CHECK constraint on {@code escalation_outbox.state}. */
public enum OutboxState {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** Accepted by the SMTP server, or written to the mailbox folder. */
    SENT,
    /** Every attempt failed; waits for an admin to send it again. */
    DEAD
}
