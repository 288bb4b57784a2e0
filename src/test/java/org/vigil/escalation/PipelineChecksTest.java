package org.vigil.escalation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Each pipeline alarm fires at its limit and not below it. */
class PipelineChecksTest {

    private static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");
    private static final EscalationConfig.Alarms LIMITS = new EscalationConfig.Alarms() {
        public Duration checkInterval() { return Duration.ofSeconds(30); }
        public Duration activeWindow() { return Duration.ofHours(24); }
        public Duration ingestSilence() { return Duration.ofMinutes(30); }
        public Duration classifyLag() { return Duration.ofMinutes(5); }
        public Duration outboxLag() { return Duration.ofMinutes(5); }
        public int smtpFailures() { return 5; }
    };

    @Test
    void ingestSilenceFiresAfterTheLimitOnlyWhileIntegrationsWereActive() {
        assertThat(kinds(signs(ago(29), null, null, 0), 0)).doesNotContain(AlarmKind.INGEST_SILENT);
        assertThat(kinds(signs(ago(30), null, null, 0), 0)).contains(AlarmKind.INGEST_SILENT);
        assertThat(kinds(signs(ago(60 * 25), null, null, 0), 0)).doesNotContain(AlarmKind.INGEST_SILENT);
        assertThat(kinds(signs(null, null, null, 0), 0)).isEmpty();
    }

    @Test
    void classifierStallFiresWhenAMentionWaitedTheLimit() {
        assertThat(kinds(signs(ago(1), ago(4), null, 0), 0)).doesNotContain(AlarmKind.CLASSIFIER_STALLED);
        assertThat(kinds(signs(ago(1), ago(5), null, 0), 0)).containsExactly(AlarmKind.CLASSIFIER_STALLED);
    }

    @Test
    void mailAlarmsFireOnBacklogDeadLetterAndRepeatedFailures() {
        assertThat(kinds(signs(ago(1), null, ago(5), 0), 0)).containsExactly(AlarmKind.OUTBOX_BACKLOG);
        assertThat(kinds(signs(ago(1), null, ago(4), 0), 0)).isEmpty();
        assertThat(kinds(signs(ago(1), null, null, 1), 0)).containsExactly(AlarmKind.DEAD_LETTER);
        assertThat(kinds(signs(ago(1), null, null, 0), 4)).isEmpty();
        assertThat(kinds(signs(ago(1), null, null, 0), 5)).containsExactly(AlarmKind.SMTP_FAILING);
    }

    private static java.util.Set<AlarmKind> kinds(PipelineRepository.VitalSigns signs, int failures) {
        return PipelineChecks.evaluate(signs, failures, NOW, LIMITS).keySet();
    }

    private static Instant ago(int minutes) {
        return NOW.minus(Duration.ofMinutes(minutes));
    }

    private static PipelineRepository.VitalSigns signs(Instant last, Instant unclassified, Instant pending, long dead) {
        return new PipelineRepository.VitalSigns(Optional.ofNullable(last), Optional.ofNullable(unclassified),
                Optional.ofNullable(pending), dead);
    }
}
