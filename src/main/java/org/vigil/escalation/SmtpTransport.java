package org.vigil.escalation;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

/** Sends through the SMTP server configured with {@code quarkus.mailer.*}; returns once the server accepted. */
final class SmtpTransport implements MailTransport {

    private final Mailer mailer;

    SmtpTransport(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public void deliver(OutboxEmail email) {
        Mail mail = Mail.withText(email.recipient().address(), email.subject(), email.textBody())
                .setHtml(email.htmlBody())
                .addHeader("Message-ID", email.messageId());
        email.inReplyTo().ifPresent(parent -> mail.addHeader("In-Reply-To", parent).addHeader("References", parent));
        mailer.send(mail);
    }
}
