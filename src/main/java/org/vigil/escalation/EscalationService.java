package org.vigil.escalation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.vigil.classify.Category;
import org.vigil.triage.EscalationRaised;

import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens a case for each escalation and writes its alert emails to the outbox, in the caller's transaction.
 * An escalation by triage about the same author and MP as a case raised within the cool-down is folded into it;
 * one at a digest priority waits for the recipient's next digest (see {@link DigestService}).
 */
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);
    /** {@link EscalationRaised#raisedBy()} of rule-based escalations; a reviewer's own escalation is never folded. */
    private static final String TRIAGE = "triage";

    private final CaseRepository cases;
    private final CaseMailer mailer;
    private final RecipientDirectory recipients;
    private final DigestService digests;
    private final EscalationConfig config;
    private final ObjectMapper json;
    private final MeterRegistry registry;
    private final Clock clock;
    private final String publicUrl;

    EscalationService(CaseRepository cases, CaseMailer mailer, RecipientDirectory recipients, DigestService digests,
                      EscalationConfig config,
                      ObjectMapper json, MeterRegistry registry, Clock clock,
                      @ConfigProperty(name = "vigil.public-url", defaultValue = "http://localhost:8080") URI publicUrl) {
        this.cases = cases;
        this.mailer = mailer;
        this.recipients = recipients;
        this.digests = digests;
        this.config = config;
        this.json = json;
        this.registry = registry;
        this.clock = clock;
        this.publicUrl = publicUrl.toString().replaceAll("/+$", "");
    }

    /**
     * Opens a case and queues one alert per recipient of the priority. Must run inside the transaction that
     * decided the escalation, so the alert exists exactly when the decision does.
     *
     * @return the new case, or empty when the item was escalated before or folded into an open case
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> raise(EscalationRaised event) throws SQLException {
        if (cases.itemEscalated(event.itemId())) {
            LOG.infof("Item %s is already escalated; no new alert", event.itemId());
            return Optional.empty();
        }
        MentionFacts facts = cases.mentionFacts(event.mentionId()).orElseThrow(() ->
                new IllegalArgumentException("escalation of unknown mention " + event.mentionId()));
        Instant now = clock.instant();
        Optional<UUID> open = event.raisedBy().equals(TRIAGE) ? cases.foldTarget(facts, event.priority(),
                now.minus(config.cooldown())) : Optional.empty();
        if (open.isPresent()) {
            cases.fold(open.get(), event.itemId(), event.mentionId(), now);
            registry.counter("vigil.escalation.folded").increment();
            LOG.infof("Item %s folded into case %s (same author and MP within the cool-down)", event.itemId(), open.get());
            return Optional.empty();
        }
        UUID caseId = UUID.randomUUID();
        AlertView view = view(caseId, event, facts, now);
        cases.open(caseId, event.itemId(), facts, event.priority(), event.raisedBy(), now, write(view));
        List<Recipient> alerted = recipients.forPriority(event.priority());
        if (alerted.isEmpty()) {
            LOG.warnf("Case %s (%s) has no recipients: set vigil.escalation.recipients.%s", caseId,
                    event.priority(), event.priority().name().toLowerCase(Locale.ROOT));
        }
        boolean digest = digests.holds(event.priority());
        for (Recipient recipient : alerted) {
            if (digest) {
                digests.add(caseId, recipient, now);
            } else {
                mailer.alert(caseId, view, EmailKind.ALERT, "", recipient, now);
            }
        }
        registry.counter("vigil.escalation.cases", "priority", event.priority().name()).increment();
        return Optional.of(caseId);
    }

    private AlertView view(UUID caseId, EscalationRaised event, MentionFacts facts, Instant now) throws SQLException {
        AuthorHistory history = facts.authorId().isPresent()
                ? cases.authorHistory(facts.platform(), facts.authorId().get(), now, config.authorHistoryWindow())
                : new AuthorHistory(config.authorHistoryWindow(), 0, 0, 0);
        List<AlertView.ScoreLine> scores = facts.scores().entrySet().stream()
                .map(e -> new AlertView.ScoreLine(e.getKey().name(), String.format(Locale.ROOT, "%.2f", e.getValue()),
                        facts.labels().contains(e.getKey())))
                .toList();
        List<AlertView.RuleLine> rules = event.firedRules().stream()
                .map(rule -> new AlertView.RuleLine(rule.ruleId(), rule.reason())).toList();
        String category = facts.leadingCategory().map(Category::name).orElse("UNSCORED");
        return new AlertView(event.priority().name(), facts.mpName(), category, facts.platform(),
                facts.authorHandle(), CaseMailer.WHEN.format(facts.postedAt()), TextMask.mask(facts.text()), scores,
                rules, history, event.reason(), event.raisedBy(),
                publicUrl + "/review/items/" + event.itemId() + "?case=" + caseId, "", "");
    }

    private String write(AlertView view) {
        try {
            return json.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an alert view is always serialisable", e);
        }
    }
}
