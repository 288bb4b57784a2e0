package org.vigil.escalation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.vigil.classify.Category;
import org.vigil.triage.EscalationRaised;
import org.vigil.triage.Priority;

import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Opens a case for each escalation and writes its alert emails to the outbox, in the caller's transaction. */
@ApplicationScoped
public class EscalationService {

    private static final Logger LOG = Logger.getLogger(EscalationService.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final CaseRepository cases;
    private final OutboxRepository outbox;
    private final AlertRenderer renderer;
    private final MessageIds messageIds;
    private final EscalationConfig config;
    private final Clock clock;
    private final String publicUrl;
    private final Map<Priority, List<Recipient>> recipients;

    EscalationService(CaseRepository cases, OutboxRepository outbox, AlertRenderer renderer, MessageIds messageIds,
                      EscalationConfig config, Clock clock,
                      @ConfigProperty(name = "vigil.public-url", defaultValue = "http://localhost:8080") URI publicUrl) {
        this.cases = cases;
        this.outbox = outbox;
        this.renderer = renderer;
        this.messageIds = messageIds;
        this.config = config;
        this.clock = clock;
        this.publicUrl = publicUrl.toString().replaceAll("/+$", "");
        this.recipients = parseRecipients(config);
    }

    /**
     * Opens a case and queues one alert per recipient of the priority. Must run inside the transaction that
     * decided the escalation, so the alert exists exactly when the decision does.
     *
     * @return the new case, or empty when the item was already escalated
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<UUID> raise(EscalationRaised event) throws SQLException {
        MentionFacts facts = cases.mentionFacts(event.mentionId()).orElseThrow(() ->
                new IllegalArgumentException("escalation of unknown mention " + event.mentionId()));
        Instant now = clock.instant();
        UUID caseId = UUID.randomUUID();
        if (!cases.open(caseId, event.itemId(), facts, event.priority(), event.raisedBy(), now)) {
            LOG.infof("Item %s is already escalated; no new alert", event.itemId());
            return Optional.empty();
        }
        List<Recipient> alerted = recipients.get(event.priority());
        if (alerted.isEmpty()) {
            LOG.warnf("Case %s (%s) has no recipients: set vigil.escalation.recipients.%s", caseId,
                    event.priority(), event.priority().name().toLowerCase(Locale.ROOT));
        }
        AlertView view = view(caseId, event, facts, now);
        for (Recipient recipient : alerted) {
            RenderedEmail email = renderer.alert(view, recipient.lang());
            outbox.add(new OutboxEmail(caseId, EmailKind.ALERT, recipient,
                    messageIds.threadRoot(caseId, recipient.address()), Optional.empty(),
                    email.subject(), email.textBody(), email.htmlBody()), now);
        }
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
                facts.authorHandle(), WHEN.format(facts.postedAt()), TextMask.mask(facts.text()), scores, rules,
                history, event.reason(), event.raisedBy(), publicUrl + "/review/items/" + event.itemId()
                + "?case=" + caseId);
    }

    private static Map<Priority, List<Recipient>> parseRecipients(EscalationConfig config) {
        EscalationConfig.Recipients configured = config.recipients();
        Map<Priority, List<String>> raw = Map.of(
                Priority.P1, configured.p1(), Priority.P2, configured.p2(),
                Priority.P3, configured.p3().orElse(List.of()), Priority.P4, configured.p4().orElse(List.of()));
        Map<Priority, List<Recipient>> parsed = new EnumMap<>(Priority.class);
        raw.forEach((priority, entries) -> parsed.put(priority, entries.stream()
                .filter(entry -> !entry.isBlank())
                .map(entry -> Recipient.parse(entry, config.defaultLanguage()))
                .toList()));
        return parsed;
    }
}
