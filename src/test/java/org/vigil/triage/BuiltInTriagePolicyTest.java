package org.vigil.triage;

import org.junit.jupiter.api.Test;
import org.vigil.classify.Category;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BuiltInTriagePolicyTest {

    private final BuiltInTriagePolicy policy = new BuiltInTriagePolicy(new TriageConfig() {
        @Override public String pollInterval() { return "1s"; }
        @Override public int batchSize() { return 10; }
        @Override public double nearMissMargin() { return 0.1; }
        @Override public double urgentViolentScore() { return 0.8; }
        @Override public double handledScoreMargin() { return 0.05; }
        @Override public Duration handledGroupLifetime() { return Duration.ofDays(7); }
        @Override public Due due() {
            return new Due() {
                @Override public Duration p1() { return Duration.ofMinutes(15); }
                @Override public Duration p2() { return Duration.ofHours(1); }
                @Override public Duration p3() { return Duration.ofHours(8); }
                @Override public Duration p4() { return Duration.ofDays(3); }
            };
        }
    });

    private static final Map<Category, Double> THRESHOLDS =
            Map.of(Category.VIOLENT, 0.5, Category.RACIST, 0.5, Category.SEXIST, 0.5);

    @Test
    void aStrongThreatIsP1AndEscalated() {
        TriageOutcome outcome = policy.assess(candidate(0.93, 0.1, 0.1, EnumSet.of(Category.VIOLENT), false));
        assertThat(outcome.priority()).contains(Priority.P1);
        assertThat(outcome.escalate()).isTrue();
        assertThat(outcome.firedRules()).extracting(FiredRule::ruleId).containsExactly("built-in:violent-urgent");
        assertThat(outcome.firedRules().get(0).reason()).isEqualTo("VIOLENT 0.93 ≥ 0.80");
    }

    @Test
    void aWeakerThreatOrTwoCategoriesIsP2() {
        assertThat(policy.assess(candidate(0.6, 0.1, 0.1, EnumSet.of(Category.VIOLENT), false)).priority())
                .contains(Priority.P2);
        assertThat(policy.assess(candidate(0.1, 0.7, 0.7, EnumSet.of(Category.RACIST, Category.SEXIST), false))
                .priority()).contains(Priority.P2);
    }

    @Test
    void oneRacistOrSexistLabelIsP3AndNotEscalated() {
        TriageOutcome outcome = policy.assess(candidate(0.1, 0.1, 0.7, EnumSet.of(Category.SEXIST), false));
        assertThat(outcome.priority()).contains(Priority.P3);
        assertThat(outcome.escalate()).isFalse();
    }

    @Test
    void anUnclassifiableMentionIsNeverBelowP3() {
        assertThat(policy.assess(candidate(0, 0, 0, EnumSet.noneOf(Category.class), true)).priority())
                .contains(Priority.P3);
    }

    @Test
    void aScoreJustBelowItsThresholdIsANearMissAtP4() {
        TriageOutcome outcome = policy.assess(candidate(0.1, 0.45, 0.1, EnumSet.noneOf(Category.class), false));
        assertThat(outcome.priority()).contains(Priority.P4);
        assertThat(outcome.firedRules().get(0).reason()).isEqualTo("RACIST 0.45 just below 0.50");
    }

    @Test
    void aCleanMentionNeedsNoReview() {
        TriageOutcome outcome = policy.assess(candidate(0.1, 0.39, 0.2, EnumSet.noneOf(Category.class), false));
        assertThat(outcome.priority()).isEmpty();
        assertThat(outcome.firedRules()).isEmpty();
    }

    private static TriageCandidate candidate(double violent, double racist, double sexist, Set<Category> labels,
                                             boolean unclassifiable) {
        Map<Category, Double> scores = unclassifiable ? Map.of()
                : Map.of(Category.VIOLENT, violent, Category.RACIST, racist, Category.SEXIST, sexist);
        return new TriageCandidate(UUID.randomUUID(), Optional.of(1L), Optional.of("@mp"), "x", Optional.of("a1"), Optional.of("@a"),
                "text", Optional.of("en"), scores, labels, THRESHOLDS, unclassifiable, Instant.EPOCH, Instant.EPOCH);
    }
}
