package org.vigil.escalation;

/** Hands a rendered email to something that delivers it; throws when it was not accepted. */
public interface MailTransport {

    /** Stored with each sent email: {@code smtp} or {@code mailbox}. */
    String name();

    void deliver(OutboxEmail email) throws Exception;
}
