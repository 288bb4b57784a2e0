package org.vigil.triage.rules;

import org.junit.jupiter.api.Test;
import org.vigil.classify.Category;
import org.vigil.triage.FiredRule;
import org.vigil.triage.Priority;
import org.vigil.triage.TriageCandidate;
import org.vigil.triage.TriageOutcome;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The default rules decide priority, escalation and tags, and say which rule fired and why. */
class RuleEvaluatorTest {

    private static final RuleSet DEFAULTS;

    static {
        try {
            DEFAULTS = RuleParser.parse(RuleParserTest.defaultRules());
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Test
    void escalatesACredibleThreatAsP1SayingWhichScoreCrossedWhichThreshold() {
        TriageOutcome outcome = evaluate(candidate("I will hurt you", 0.93, 0, 0), MpProfile.NONE, History0.QUIET);

        assertThat(outcome.priority()).contains(Priority.P1);
        assertThat(outcome.escalate()).isTrue();
        assertThat(outcome.tags()).contains("threat");
        assertThat(outcome.firedRules()).startsWith(new FiredRule("built-in:violent-urgent", "VIOLENT 0.93 ≥ 0.80"));
    }

    @Test
    void leavesACleanMentionOutOfTheQueue() {
        assertThat(evaluate(candidate("Thanks for the debate tonight", 0.02, 0.01, 0.01), MpProfile.NONE, History0.QUIET))
                .isEqualTo(TriageOutcome.noReview());
    }

    @Test
    void combinesScoresOnlyWhenBothCategoriesReachTheirMinimum() {
        assertThat(evaluate(candidate("x", 0, 0.7, 0.7), MpProfile.NONE, History0.QUIET).firedRules())
                .extracting(FiredRule::ruleId).contains("racist-and-sexist");
        assertThat(evaluate(candidate("x", 0, 0.7, 0.5), MpProfile.NONE, History0.QUIET).firedRules())
                .extracting(FiredRule::ruleId).doesNotContain("racist-and-sexist");
    }

    @Test
    void lowersThresholdsForAnMpUnderKnownThreat() {
        MpProfile underThreat = new MpProfile(0.15, List.of(), List.of(), List.of());

        TriageOutcome outcome = evaluate(candidate("You will pay", 0.75, 0, 0), underThreat, History0.QUIET);

        assertThat(outcome.priority()).contains(Priority.P1);
        assertThat(outcome.firedRules()).contains(new FiredRule("built-in:violent-urgent",
                "VIOLENT 0.75 ≥ 0.65 (thresholds lowered by 0.15 for this MP)"));
        assertThat(evaluate(candidate("You will pay", 0.75, 0, 0), MpProfile.NONE, History0.QUIET).priority())
                .contains(Priority.P2);
    }

    @Test
    void queuesDoxxingAndEscalatesItOnlyWithAViolentTone() {
        TriageOutcome calm = evaluate(candidate("Her car is AB12 CDE, parked on the square", 0.1, 0, 0),
                MpProfile.NONE, History0.QUIET);
        assertThat(calm.priority()).contains(Priority.P2);
        assertThat(calm.escalate()).isFalse();
        assertThat(calm.tags()).contains("doxxing");
        assertThat(calm.firedRules()).contains(new FiredRule("doxxing", "car plate (\"AB12 CDE\")"));

        TriageOutcome menacing = evaluate(candidate("Her car is AB12 CDE, we will be waiting", 0.45, 0, 0),
                MpProfile.NONE, History0.QUIET);
        assertThat(menacing.priority()).contains(Priority.P1);
        assertThat(menacing.escalate()).isTrue();
        assertThat(menacing.firedRules()).extracting(FiredRule::ruleId).startsWith("threat-with-doxxing");
    }

    @Test
    void givesAnUnclassifiableMentionP3AndANearMissP4() {
        TriageCandidate unscored = new TriageCandidate(UUID.randomUUID(), Optional.of(1L), Optional.of("@mp"), "x", Optional.empty(),
                Optional.empty(), "???", Optional.empty(), Map.of(), EnumSet.noneOf(Category.class), Map.of(), true,
                Instant.EPOCH, Instant.EPOCH);
        assertThat(evaluate(unscored, MpProfile.NONE, History0.QUIET).firedRules())
                .containsExactly(new FiredRule("built-in:unclassifiable", "the classifier could not score it"));

        TriageOutcome nearMiss = evaluate(candidate("You people are the worst", 0.45, 0, 0), MpProfile.NONE,
                History0.QUIET);
        assertThat(nearMiss.priority()).contains(Priority.P4);
        assertThat(nearMiss.firedRules()).containsExactly(new FiredRule("built-in:near-miss",
                "VIOLENT 0.45 just below 0.50"));
    }

    @Test
    void bringsAWatchKeywordToAHuman() {
        MpProfile watched = new MpProfile(0, List.of("constituency surgery"), List.of(), List.of());

        TriageOutcome outcome = evaluate(candidate("See you at the Constituency Surgery on Friday", 0.05, 0, 0),
                watched, History0.QUIET);

        assertThat(outcome.priority()).contains(Priority.P3);
        assertThat(outcome.firedRules()).containsExactly(new FiredRule("watch-keyword", "watch keyword \"constituency surgery\""));
    }

    @Test
    void repeatOffenderFiresAtTheThirdFlaggedMentionAndNotAtTheSecond() {
        TriageCandidate abusive = candidate("You are a disgrace", 0.65, 0, 0);

        assertThat(ruleIds(evaluate(abusive, MpProfile.NONE, History0.authorFlagged(2)))).doesNotContain("repeat-offender");
        TriageOutcome third = evaluate(abusive, MpProfile.NONE, History0.authorFlagged(3));
        assertThat(third.firedRules()).contains(new FiredRule("repeat-offender",
                "author flagged 3 times within 7d (rule: 3)"));
        assertThat(third.tags()).contains("repeat-offender");
    }

    @Test
    void pileOnFiresAtTwentyFlaggedMentionsWithinAnHourAndNotAtNineteen() {
        TriageCandidate abusive = candidate("Resign you idiot", 0.62, 0, 0);

        assertThat(ruleIds(evaluate(abusive, MpProfile.NONE, History0.mpFlagged(19)))).doesNotContain("pile-on");
        TriageOutcome twentieth = evaluate(abusive, MpProfile.NONE, History0.mpFlagged(20));
        assertThat(ruleIds(twentieth)).contains("pile-on");
        assertThat(twentieth.tags()).contains("pile-on");
    }

    @Test
    void spikeFiresWellAboveTheUsualVolumeOnly() {
        TriageCandidate abusive = candidate("Resign", 0.62, 0, 0);

        assertThat(ruleIds(evaluate(abusive, MpProfile.NONE, History0.volume(50, 10.0)))).contains("volume-spike");
        assertThat(ruleIds(evaluate(abusive, MpProfile.NONE, History0.volume(49, 10.0)))).doesNotContain("volume-spike");
        assertThat(ruleIds(evaluate(abusive, MpProfile.NONE, History0.volume(29, 1.0)))).doesNotContain("volume-spike");
    }

    @Test
    void tagsAMentionThatJoinsACampaign() {
        TriageOutcome outcome = evaluate(candidate("Traitor, resign now", 0.3, 0, 0), MpProfile.NONE,
                History0.campaign(new History.Campaign(7, 3, 4)));

        assertThat(outcome.tags()).contains("campaign");
        assertThat(outcome.firedRules()).contains(new FiredRule("campaign",
                "campaign #7: 4 near-identical mentions from 3 authors within 1d"));
    }

    private static TriageOutcome evaluate(TriageCandidate candidate, MpProfile profile, History history) {
        return RuleEvaluator.evaluate(DEFAULTS, RuleInput.of(candidate, profile, history));
    }

    private static List<String> ruleIds(TriageOutcome outcome) {
        return outcome.firedRules().stream().map(FiredRule::ruleId).toList();
    }

    static TriageCandidate candidate(String text, double violent, double racist, double sexist) {
        Map<Category, Double> scores = Map.of(Category.VIOLENT, violent, Category.RACIST, racist, Category.SEXIST, sexist);
        Map<Category, Double> thresholds = Map.of(Category.VIOLENT, 0.5, Category.RACIST, 0.5, Category.SEXIST, 0.5);
        EnumSet<Category> labels = EnumSet.noneOf(Category.class);
        scores.forEach((category, score) -> {
            if (score >= thresholds.get(category)) {
                labels.add(category);
            }
        });
        return new TriageCandidate(UUID.randomUUID(), Optional.of(1L), Optional.of("@mp"), "x", Optional.of("author-1"),
                Optional.of("@author"), text, Optional.of("en"), scores, labels, thresholds, false,
                Instant.parse("2026-11-29T08:00:00Z"), Instant.parse("2026-11-29T08:00:01Z"));
    }

    /** A fixed history for pure tests. */
    record History0(long author, long mp, History.Volume volume, Optional<History.Campaign> joined) implements History {
        static final History0 QUIET = new History0(1, 1, new History.Volume(1, 1), Optional.empty());

        static History0 authorFlagged(long n) {
            return new History0(n, 1, QUIET.volume, Optional.empty());
        }

        static History0 mpFlagged(long n) {
            return new History0(1, n, QUIET.volume, Optional.empty());
        }

        static History0 volume(long recent, double usual) {
            return new History0(1, 1, new History.Volume(recent, usual), Optional.empty());
        }

        static History0 campaign(History.Campaign campaign) {
            return new History0(1, 1, QUIET.volume, Optional.of(campaign));
        }

        @Override
        public long authorFlagged(Duration window) {
            return author;
        }

        @Override
        public long mpFlagged(Duration window) {
            return mp;
        }

        @Override
        public History.Volume mpVolume(Duration window, Duration baseline) {
            return volume;
        }

        @Override
        public Optional<History.Campaign> campaign(double similarity, int minAuthors, Duration window) {
            return joined;
        }
    }
}
