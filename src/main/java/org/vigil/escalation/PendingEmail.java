package org.vigil.escalation;

/** An outbox row claimed by a relay: the email and how many attempts it already had. */
public record PendingEmail(long id, int attempts, OutboxEmail email) {
}
