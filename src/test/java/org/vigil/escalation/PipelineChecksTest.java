package org.vigil.escalation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    private static final RuleRateConfig RATES = new RuleRateConfig() {
        public Duration checkInterval() { return Duration.ofMinutes(5); }
        public Duration window() { return Duration.ofHours(1); }
        public Duration baseline() { return Duration.ofHours(10); }
        public double factor() { return 5; }
        public int minimum() { return 20; }
    };

    @Test
    void aRuleFiringFarAboveItsUsualRateAlarmsFromTheMinimumVolume() {
        assertThat(PipelineChecks.ruleRates(List.of(firings("flood", 19, 0)), RATES)).isEmpty();
        assertThat(PipelineChecks.ruleRates(List.of(firings("flood", 20, 0)), RATES)).hasValueSatisfying(detail ->
                assertThat(detail).isEqualTo("rule 'flood' fired 20 times in the last 60 min, usually 0.0 (far above)"));
        assertThat(PipelineChecks.ruleRates(List.of(firings("busy", 49, 100)), RATES)).isEmpty();
        assertThat(PipelineChecks.ruleRates(List.of(firings("busy", 50, 100)), RATES)).isPresent();
    }

    @Test
    void aBusyRuleFallingFarBelowItsUsualRateAlarmsButAQuietOneNeverDoes() {
        assertThat(PipelineChecks.ruleRates(List.of(firings("busy", 7, 300)), RATES)).isEmpty();
        assertThat(PipelineChecks.ruleRates(List.of(firings("busy", 6, 300)), RATES)).hasValueSatisfying(detail ->
                assertThat(detail).endsWith("usually 30.0 (far below)"));
        assertThat(PipelineChecks.ruleRates(List.of(firings("quiet", 0, 190)), RATES)).isEmpty();
        assertThat(PipelineChecks.ruleRates(List.of(firings("quiet", 0, 190), firings("flood", 40, 10)), RATES))
                .hasValueSatisfying(detail -> assertThat(detail).startsWith("rule 'flood'").doesNotContain("quiet"));
    }

    private static PipelineRepository.RuleFirings firings(String rule, long recent, long before) {
        return new PipelineRepository.RuleFirings(rule, recent, before);
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
