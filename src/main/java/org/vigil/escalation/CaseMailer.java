package org.vigil.escalation;

import jakarta.enterprise.context.ApplicationScoped;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Writes the emails of a case to the outbox, threaded per recipient: the first email a recipient gets
 * about a case is the thread's root, and every later one answers it.
 */
@ApplicationScoped
class CaseMailer {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final OutboxRepository outbox;
    private final AlertRenderer renderer;
    private final MessageIds messageIds;
    private final AckLinks links;

    CaseMailer(OutboxRepository outbox, AlertRenderer renderer, MessageIds messageIds, AckLinks links) {
        this.outbox = outbox;
        this.renderer = renderer;
        this.messageIds = messageIds;
        this.links = links;
    }

    /** The alert (first, or to a further tier with a note) for one recipient, with their acknowledgement link. */
    void alert(UUID caseId, AlertView view, EmailKind kind, String note, Recipient recipient, Instant now)
            throws SQLException {
        AlertView personal = view.personal(links.url(caseId, recipient.address(), now), note);
        queue(caseId, kind, recipient, renderer.alert(personal, recipient.lang()), now);
    }

    /** Tells one recipient that the case was acknowledged or resolved. */
    void notice(UUID caseId, AlertView view, EmailKind kind, String by, Recipient recipient, Instant now)
            throws SQLException {
        queue(caseId, kind, recipient, renderer.notice(view, recipient.lang(), kind, by, WHEN.format(now)), now);
    }

    private void queue(UUID caseId, EmailKind kind, Recipient recipient, RenderedEmail email, Instant now)
            throws SQLException {
        String root = messageIds.threadRoot(caseId, recipient.address());
        boolean answers = outbox.hasEmailed(caseId, recipient.address());
        outbox.add(new OutboxEmail(caseId, kind, recipient,
                answers ? messageIds.followUp(caseId, kind, recipient.address()) : root,
                answers ? Optional.of(root) : Optional.empty(), email.subject(), email.textBody(), email.htmlBody()), now);
    }
}
