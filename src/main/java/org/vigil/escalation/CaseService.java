package org.vigil.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.vigil.audit.AuditLog;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What happens to a case after its alert: acknowledgement, resolution, and further tiers while nobody answers. */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);
    private static final int TIER_BATCH = 50;

    private final CaseRepository cases;
    private final OutboxRepository outbox;
    private final CaseMailer mailer;
    private final RecipientDirectory recipients;
    private final EscalationConfig config;
    private final ObjectMapper json;
    private final AuditLog audit;
    private final Clock clock;

    CaseService(CaseRepository cases, OutboxRepository outbox, CaseMailer mailer, RecipientDirectory recipients,
                EscalationConfig config, ObjectMapper json, AuditLog audit, Clock clock) {
        this.cases = cases;
        this.outbox = outbox;
        this.mailer = mailer;
        this.recipients = recipients;
        this.config = config;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Optional<EscalationCase> find(UUID caseId) throws SQLException {
        return cases.find(caseId);
    }

    /** Takes an open case; everyone alerted is told. False when it was not open (already taken or closed). */
    @Transactional
    public boolean acknowledge(UUID caseId, String by) throws SQLException {
        return close(caseId, List.of(CaseState.OPEN), CaseState.ACKNOWLEDGED, EmailKind.ACKNOWLEDGED, by);
    }

    /** Closes a case; everyone alerted is told. False when it was already resolved or does not exist. */
    @Transactional
    public boolean resolve(UUID caseId, String by) throws SQLException {
        return close(caseId, List.of(CaseState.OPEN, CaseState.ACKNOWLEDGED), CaseState.RESOLVED, EmailKind.RESOLVED, by);
    }

    private boolean close(UUID caseId, List<CaseState> from, CaseState to, EmailKind notice, String by)
            throws SQLException {
        Instant now = clock.instant();
        Optional<CaseState> before = cases.find(caseId).map(EscalationCase::state);
        if (before.isEmpty() || !cases.transition(caseId, from, to, by, now)) {
            return false;
        }
        // The actor is the staff user, or the address an acknowledgement link was sent to.
        audit.recordAs(by, "escalation.case." + to.name().toLowerCase(Locale.ROOT), "escalation_case",
                caseId.toString(), Map.of("state", before.get().name()), Map.of("state", to.name()));
        AlertView view = view(cases.find(caseId).orElseThrow());
        for (Recipient recipient : outbox.alerted(caseId)) {
            mailer.notice(caseId, view, notice, by, recipient, now);
        }
        return true;
    }

    /** Sends every open P1 whose last alert is older than the tier delay to its next tier; returns how many. */
    @Transactional
    public int advanceTiers() throws SQLException {
        Instant now = clock.instant();
        List<EscalationCase> due = cases.dueForNextTier(now.minus(config.tiers().delay()), config.tiers().repeats(),
                TIER_BATCH);
        for (EscalationCase escalation : due) {
            AlertView view = view(escalation);
            String note = "Not acknowledged after " + config.tiers().delay().toMinutes() + " min: tier "
                    + (escalation.tierSteps() + 2) + ".";
            for (Recipient recipient : recipients.tier(escalation.tierSteps())) {
                mailer.alert(escalation.id(), view, EmailKind.TIER, note, recipient, now);
            }
            cases.recordTierStep(escalation.id(), now);
            LOG.warnf("Case %s not acknowledged: sent to tier %d", escalation.id(), escalation.tierSteps() + 2);
        }
        return due.size();
    }

    /** What the case's first alert showed, to list it again (in a digest). */
    AlertView alert(UUID caseId) throws SQLException {
        return view(cases.find(caseId).orElseThrow(() -> new IllegalArgumentException("no case " + caseId)));
    }

    private AlertView view(EscalationCase escalation) {
        try {
            return json.readValue(escalation.alertJson(), AlertView.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case " + escalation.id() + " has an unreadable alert", e);
        }
    }
}
