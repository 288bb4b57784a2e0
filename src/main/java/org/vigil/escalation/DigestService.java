package org.vigil.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.vigil.triage.Priority;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Lower priorities as a digest (see {@link DigestConfig}): their cases wait per recipient, and once the oldest
 * has waited the interval, one email through the outbox lists them all, each with its acknowledgement link.
 */
@ApplicationScoped
public class DigestService {

    private static final Logger LOG = Logger.getLogger(DigestService.class);

    private final DigestRepository digests;
    private final CaseService cases;
    private final OutboxRepository outbox;
    private final AlertRenderer renderer;
    private final MessageIds messageIds;
    private final AckLinks links;
    private final DigestConfig config;
    private final Clock clock;

    DigestService(DigestRepository digests, CaseService cases, OutboxRepository outbox, AlertRenderer renderer,
                  MessageIds messageIds, AckLinks links, DigestConfig config, Clock clock) {
        if (config.priorities().contains(Priority.P1)) {
            throw new IllegalArgumentException("vigil.escalation.digest.priorities: P1 always alerts at once, "
                    + "list only P2, P3 or P4");
        }
        this.digests = digests;
        this.cases = cases;
        this.outbox = outbox;
        this.renderer = renderer;
        this.messageIds = messageIds;
        this.links = links;
        this.config = config;
        this.clock = clock;
    }

    /** Whether escalations at this priority wait for the digest. */
    public boolean holds(Priority priority) {
        return config.enabled() && config.priorities().contains(priority);
    }

    /** Puts the case in the recipient's next digest, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(UUID caseId, Recipient recipient, Instant now) throws SQLException {
        digests.add(caseId, recipient, now);
    }

    /** Writes a digest to the outbox for every recipient whose oldest waiting case waited the interval. */
    @Transactional
    public int sendDue() throws SQLException {
        Instant now = clock.instant();
        int sent = 0;
        for (String address : digests.due(now.minus(config.interval()))) {
            List<DigestRepository.Entry> entries = digests.claimWaiting(address);
            if (entries.isEmpty()) {
                continue;
            }
            Recipient recipient = entries.get(0).recipient();
            List<AlertView> alerts = new ArrayList<>();
            for (DigestRepository.Entry entry : entries) {
                alerts.add(cases.alert(entry.caseId()).personal(links.url(entry.caseId(), address, now), ""));
            }
            RenderedEmail email = renderer.digest(alerts, recipient.lang());
            String messageId = messageIds.digest(entries.get(0).id(), address);
            outbox.add(new OutboxEmail(entries.get(0).caseId(), EmailKind.DIGEST, recipient, messageId,
                    Optional.empty(), email.subject(), email.textBody(), email.htmlBody()), now);
            digests.markSent(entries, messageId);
            LOG.infof("Digest of %d escalation(s) queued for %s", entries.size(), address);
            sent++;
        }
        return sent;
    }
}
