package org.vigil.escalation;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Silence is an alarm too: checks the pipeline's vital signs, keeps one open alarm per kind, shows each as
 * the metric {@code vigil_pipeline_alarm{kind}}, and tells the P1 recipients when one is raised. Alarms
 * about mail delivery are written to the mailbox folder and the log instead, since mail is what failed;
 * other alarms are emailed directly (not through the outbox), falling back to the folder.
 */
@ApplicationScoped
class PipelineMonitor {

    private static final Logger LOG = Logger.getLogger(PipelineMonitor.class);

    private final PipelineRepository pipeline;
    private final RelayService relay;
    private final MailTransport transport;
    private final MailboxTransport mailbox;
    private final RecipientDirectory recipients;
    private final MessageIds messageIds;
    private final EscalationConfig config;
    private final Clock clock;
    private final Map<AlarmKind, AtomicInteger> raised = new EnumMap<>(AlarmKind.class);
    private final AtomicLong pendingEmails = new AtomicLong();
    private final AtomicLong deadEmails = new AtomicLong();
    private final RuleRateConfig ruleRates;
    private volatile Optional<String> oddRuleRates = Optional.empty();

    PipelineMonitor(PipelineRepository pipeline, RelayService relay, MailTransport transport,
                    RecipientDirectory recipients, MessageIds messageIds, EscalationConfig config,
                    RuleRateConfig ruleRates, Clock clock,
                    MeterRegistry registry,
                    @ConfigProperty(name = "quarkus.mailer.from", defaultValue = "vigil@vigil.invalid") String from) {
        this.pipeline = pipeline;
        this.relay = relay;
        this.transport = transport;
        this.mailbox = new MailboxTransport(Path.of(config.mailboxDirectory()).toAbsolutePath(), from,
                messageIds.domain());
        this.recipients = recipients;
        this.messageIds = messageIds;
        this.config = config;
        this.ruleRates = ruleRates;
        this.clock = clock;
        for (AlarmKind kind : AlarmKind.values()) {
            raised.put(kind, registry.gauge("vigil.pipeline.alarm", Tags.of("kind", kind.name()), new AtomicInteger()));
        }
        registry.gauge("vigil.escalation.outbox.dead", deadEmails);
        registry.gauge("vigil.escalation.outbox.pending.age.seconds", pendingEmails);
    }

    @Scheduled(every = "{vigil.escalation.alarms.check-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        try {
            Instant now = clock.instant();
            PipelineRepository.VitalSigns signs = pipeline.vitalSigns();
            deadEmails.set(signs.deadEmails());
            pendingEmails.set(signs.oldestPendingEmail().map(t -> java.time.Duration.between(t, now).toSeconds()).orElse(0L));
            Map<AlarmKind, String> holding = PipelineChecks.evaluate(signs, relay.failuresInARow(), now, config.alarms());
            oddRuleRates.ifPresent(detail -> holding.put(AlarmKind.RULE_RATE, detail));
            for (AlarmKind kind : AlarmKind.values()) {
                raised.get(kind).set(holding.containsKey(kind) ? 1 : 0);
                if (holding.containsKey(kind)) {
                    Optional<UUID> alarm = pipeline.raise(kind, holding.get(kind), now);
                    if (alarm.isPresent()) {
                        announce(alarm.get(), kind, holding.get(kind), now);
                    }
                } else if (pipeline.clear(kind, now)) {
                    LOG.infof("Pipeline alarm %s cleared", kind);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.error("Pipeline check failed (the database may be the problem); will retry", e);
        }
    }

    /** Compares each rule's recent firings with its baseline; the next {@link #check()} raises or clears the alarm. */
    @Scheduled(every = "{vigil.escalation.alarms.rule-rate.check-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkRuleRates() {
        try {
            Instant windowStart = clock.instant().minus(ruleRates.window());
            oddRuleRates = PipelineChecks.ruleRates(
                    pipeline.ruleFirings(windowStart.minus(ruleRates.baseline()), windowStart), ruleRates);
        } catch (SQLException | RuntimeException e) {
            LOG.error("Rule rate check failed; will retry", e);
        }
    }

    private void announce(UUID alarm, AlarmKind kind, String detail, Instant now) {
        LOG.errorf("PIPELINE ALARM %s: %s", kind, detail);
        String subject = "[Vigil ALARM] " + kind + ": " + detail;
        String text = detail + "\n\nRaised at " + CaseMailer.WHEN.format(now)
                + ". See /q/metrics (vigil_pipeline_alarm) and the operations section of the README.\n";
        String html = "<p><strong>" + kind + "</strong>: " + detail + "</p><p>Raised at " + CaseMailer.WHEN.format(now)
                + ".</p>";
        for (Recipient recipient : recipients.forPriority(org.vigil.triage.Priority.P1)) {
            OutboxEmail email = new OutboxEmail(alarm, EmailKind.ALERT, recipient,
                    "<vigil.alarm." + alarm + "." + Math.abs(recipient.address().hashCode()) + "@" + messageIds.domain() + ">",
                    Optional.empty(), subject, text, html);
            deliver(kind, email);
        }
    }

    private void deliver(AlarmKind kind, OutboxEmail email) {
        if (!kind.aboutMail()) {
            try {
                transport.deliver(email);
                return;
            } catch (Exception e) {
                LOG.warnf("Could not email pipeline alarm %s (%s); writing it to the mailbox folder", kind, e.getMessage());
            }
        }
        try {
            mailbox.deliver(email);
        } catch (Exception e) {
            LOG.errorf("Could not write pipeline alarm %s to %s either: %s", kind, mailbox.directory(), e.getMessage());
        }
    }
}
