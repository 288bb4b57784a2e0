package org.vigil.triage.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.Transactional;
import org.vigil.classify.AbuseClassifier;
import org.vigil.triage.FiredRule;
import org.vigil.triage.Priority;
import org.vigil.triage.TriageCandidate;
import org.vigil.triage.TriageOutcome;
import org.vigil.triage.TriageRepository;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * "Try this rule": applies a draft rule file and the rules in force to the mentions triaged in the last days,
 * with the same read-only history, and reports what the draft would change. Writes nothing: no signatures,
 * campaigns, review items or emails (and its transaction ends in a rollback all the same).
 */
@ApplicationScoped
public class RuleTrial {

    public static final int MIN_DAYS = 1;
    public static final int MAX_DAYS = 90;
    /** Most recent triaged mentions a trial looks at. */
    public static final int MAX_MENTIONS = 2000;
    /** Affected mentions listed as examples. */
    public static final int SAMPLE_SIZE = 20;
    static final String NONE = "none";

    private final RuleStore store;
    private final RuleRepository rules;
    private final HistoryRepository history;
    private final TriageRepository mentions;
    private final AbuseClassifier classifier;
    private final TransactionManager transactions;
    private final Clock clock;

    RuleTrial(RuleStore store, RuleRepository rules, HistoryRepository history, TriageRepository mentions,
              AbuseClassifier classifier, TransactionManager transactions, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.history = history;
        this.mentions = mentions;
        this.classifier = classifier;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What {@code draftText} would have done over the last {@code days} days compared with the rules in force.
     * Refused with {@link InvalidRulesException} for an invalid draft, {@link IllegalArgumentException} for days
     * out of {@value #MIN_DAYS}..{@value #MAX_DAYS}.
     */
    @Transactional
    public TrialReport run(String draftText, int days) throws SQLException, SystemException {
        if (days < MIN_DAYS || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be a whole number from " + MIN_DAYS + " to " + MAX_DAYS);
        }
        RuleSet draft = RuleParser.parse(draftText);
        RuleStore.Versioned inForce = store.current();
        List<TriageCandidate> recent = mentions.triagedSince(clock.instant().minus(Duration.ofDays(days)),
                MAX_MENTIONS + 1, classifier::thresholds);
        Tally tally = new Tally(inForce.rules(), draft);
        for (TriageCandidate candidate : recent.subList(0, Math.min(recent.size(), MAX_MENTIONS))) {
            MpProfile profile = candidate.mpId().isPresent()
                    ? rules.profile(candidate.mpId().get()).orElse(MpProfile.NONE) : MpProfile.NONE;
            RuleInput input = RuleInput.of(candidate, profile,
                    new RememberedHistory(DatabaseHistory.readOnly(history, candidate)));
            tally.add(candidate, RuleEvaluator.evaluate(inForce.rules(), input), RuleEvaluator.evaluate(draft, input));
        }
        transactions.setRollbackOnly();
        return tally.report(days, inForce.version(), recent.size() > MAX_MENTIONS);
    }

    /** Counts as the mentions go by. */
    private static final class Tally {
        private final Map<String, int[]> perRule = new LinkedHashMap<>();
        private final Map<String, Integer> changes = new TreeMap<>();
        private final List<AffectedMention> sample = new ArrayList<>();
        private int mentions;
        private int gained;
        private int lost;

        Tally(RuleSet inForce, RuleSet draft) {
            draft.rules().forEach(rule -> perRule.put(rule.id(), new int[2]));
            inForce.rules().forEach(rule -> perRule.putIfAbsent(rule.id(), new int[2]));
        }

        void add(TriageCandidate candidate, TriageOutcome inForce, TriageOutcome draft) {
            mentions++;
            inForce.firedRules().forEach(fired -> perRule.get(fired.ruleId())[0]++);
            draft.firedRules().forEach(fired -> perRule.get(fired.ruleId())[1]++);
            String from = inForce.priority().map(Priority::name).orElse(NONE);
            String to = draft.priority().map(Priority::name).orElse(NONE);
            if (!from.equals(to)) {
                changes.merge(from + "->" + to, 1, Integer::sum);
            }
            gained += draft.escalate() && !inForce.escalate() ? 1 : 0;
            lost += inForce.escalate() && !draft.escalate() ? 1 : 0;
            List<String> firedBefore = ids(inForce);
            List<String> firedAfter = ids(draft);
            boolean affected = !from.equals(to) || inForce.escalate() != draft.escalate() || !firedBefore.equals(firedAfter);
            if (affected && sample.size() < SAMPLE_SIZE) {
                sample.add(new AffectedMention(candidate.mentionId(), candidate.mpId(), candidate.platform(), from, to,
                        inForce.escalate(), draft.escalate(), firedBefore, firedAfter));
            }
        }

        TrialReport report(int days, int version, boolean truncated) {
            List<RuleCount> counts = perRule.entrySet().stream()
                    .map(rule -> new RuleCount(rule.getKey(), rule.getValue()[0], rule.getValue()[1])).toList();
            List<PriorityChange> changed = changes.entrySet().stream().map(change -> {
                String[] fromTo = change.getKey().split("->");
                return new PriorityChange(fromTo[0], fromTo[1], change.getValue());
            }).toList();
            return new TrialReport(days, version, mentions, truncated, counts, changed, gained, lost, List.copyOf(sample));
        }

        private static List<String> ids(TriageOutcome outcome) {
            return outcome.firedRules().stream().map(FiredRule::ruleId).toList();
        }
    }

    /**
     * What a draft would have done.
     *
     * @param versionInForce the version of the rules in force it is compared with (0: the shipped defaults)
     * @param mentions       triaged mentions looked at (at most {@value #MAX_MENTIONS}, the most recent)
     * @param truncated      true when more mentions were triaged in that time than were looked at
     * @param rules          per rule of either file, how many mentions it fires on in force and in the draft
     * @param priorityChanges how many mentions move from one priority to another ({@code none}: not queued)
     * @param escalationsGained mentions the draft escalates that the rules in force do not
     * @param sample         up to {@value #SAMPLE_SIZE} mentions the draft treats differently
     */
    public record TrialReport(int days, int versionInForce, int mentions, boolean truncated, List<RuleCount> rules,
                              List<PriorityChange> priorityChanges, int escalationsGained, int escalationsLost,
                              List<AffectedMention> sample) {
    }

    public record RuleCount(String ruleId, int inForce, int draft) {
    }

    public record PriorityChange(String from, String to, int mentions) {
    }

    /** A mention the draft treats differently; never its text. */
    public record AffectedMention(UUID mentionId, Optional<Long> mpId, String platform, String priorityInForce,
                                 String draftPriority, boolean escalatedInForce, boolean draftEscalates,
                                 List<String> rulesInForce, List<String> draftRules) {
    }
}
