package org.vigil.triage.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.vigil.triage.TriageCandidate;
import org.vigil.triage.TriageOutcome;
import org.vigil.triage.TriagePolicy;

import java.sql.SQLException;

/**
 * Triage by the rules in force (see {@link RuleStore}), replacing the built-in policy. Runs in the triage
 * transaction: it keeps the text signature of each flagged mention for campaign detection (only flagged
 * ones, so ordinary traffic costs no comparisons), reads the history the rules need, and groups campaigns
 * as it finds them.
 */
@ApplicationScoped
public class RulePolicy implements TriagePolicy {

    private final RuleStore store;
    private final RuleRepository rules;
    private final HistoryRepository history;

    RulePolicy(RuleStore store, RuleRepository rules, HistoryRepository history) {
        this.store = store;
        this.rules = rules;
        this.history = history;
    }

    @Override
    public TriageOutcome assess(TriageCandidate candidate) {
        try {
            RuleSet ruleSet = store.current().rules();
            MpProfile profile = candidate.mpId().isPresent()
                    ? rules.profile(candidate.mpId().get()).orElse(MpProfile.NONE) : MpProfile.NONE;
            String target = candidate.targetKey().orElse("unknown");
            int[] signature = MinHash.signature(candidate.text());
            if (!candidate.labels().isEmpty()) {
                history.saveSignature(candidate.mentionId(), target, DatabaseHistory.authorKey(candidate), signature,
                        candidate.receivedAt());
            }
            DatabaseHistory context = new DatabaseHistory(history, candidate, target, signature);
            return RuleEvaluator.evaluate(ruleSet, RuleInput.of(candidate, profile, context));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not apply the triage rules to mention " + candidate.mentionId(), e);
        }
    }
}
