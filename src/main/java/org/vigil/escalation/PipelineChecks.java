package org.vigil.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Decides which pipeline alarms hold, from the vital signs; pure, so every threshold is testable. */
final class PipelineChecks {

    private PipelineChecks() {
    }

    static Map<AlarmKind, String> evaluate(PipelineRepository.VitalSigns signs, int smtpFailuresInARow, Instant now,
                                           EscalationConfig.Alarms limits) {
        Map<AlarmKind, String> alarms = new EnumMap<>(AlarmKind.class);
        signs.lastMention().ifPresent(last -> {
            Duration quiet = Duration.between(last, now);
            if (quiet.compareTo(limits.ingestSilence()) >= 0 && quiet.compareTo(limits.activeWindow()) < 0) {
                alarms.put(AlarmKind.INGEST_SILENT, "No mention received for " + minutes(quiet)
                        + " (limit " + minutes(limits.ingestSilence()) + ") although integrations were active");
            }
        });
        signs.oldestUnclassified().ifPresent(oldest -> {
            Duration waiting = Duration.between(oldest, now);
            if (waiting.compareTo(limits.classifyLag()) >= 0) {
                alarms.put(AlarmKind.CLASSIFIER_STALLED, "A mention has waited " + seconds(waiting)
                        + " for classification (limit " + seconds(limits.classifyLag()) + ")");
            }
        });
        signs.oldestPendingEmail().ifPresent(oldest -> {
            Duration waiting = Duration.between(oldest, now);
            if (waiting.compareTo(limits.outboxLag()) >= 0) {
                alarms.put(AlarmKind.OUTBOX_BACKLOG, "An escalation email has waited " + seconds(waiting)
                        + " in the outbox (limit " + seconds(limits.outboxLag()) + ")");
            }
        });
        if (signs.deadEmails() > 0) {
            alarms.put(AlarmKind.DEAD_LETTER, signs.deadEmails() + " escalation email(s) in the dead letter");
        }
        if (smtpFailuresInARow >= limits.smtpFailures()) {
            alarms.put(AlarmKind.SMTP_FAILING, smtpFailuresInARow + " email attempts failed in a row");
        }
        return alarms;
    }

    /**
     * The rules firing far above or below their usual rate, in words; empty when none. A rule's usual rate
     * is its firings over the baseline divided by the number of windows in it.
     */
    static Optional<String> ruleRates(List<PipelineRepository.RuleFirings> firings, RuleRateConfig limits) {
        double windows = limits.baseline().toMillis() / (double) limits.window().toMillis();
        List<String> odd = new ArrayList<>();
        for (PipelineRepository.RuleFirings rule : firings) {
            double usual = rule.before() / windows;
            String rate = String.format(Locale.ROOT, "rule '%s' fired %d times in the last %s, usually %.1f",
                    rule.ruleId(), rule.recent(), minutes(limits.window()), usual);
            if (rule.recent() >= limits.minimum() && rule.recent() >= limits.factor() * usual) {
                odd.add(rate + " (far above)");
            } else if (usual >= limits.minimum() && rule.recent() <= usual / limits.factor()) {
                odd.add(rate + " (far below)");
            }
        }
        return odd.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", odd));
    }

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " min";
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
