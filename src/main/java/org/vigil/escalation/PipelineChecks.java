package org.vigil.escalation;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

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

    private static String minutes(Duration duration) {
        return duration.toMinutes() + " min";
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
