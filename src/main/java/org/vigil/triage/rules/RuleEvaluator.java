package org.vigil.triage.rules;

import org.vigil.triage.FiredRule;
import org.vigil.triage.Priority;
import org.vigil.triage.TriageOutcome;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Applies every rule of a set to one mention: the most urgent priority wins, tags add up, any escalation escalates. */
public final class RuleEvaluator {

    private RuleEvaluator() {
    }

    public static TriageOutcome evaluate(RuleSet rules, RuleInput input) {
        Optional<Priority> priority = Optional.empty();
        boolean escalate = false;
        Set<String> tags = new LinkedHashSet<>();
        List<FiredRule> fired = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            Optional<String> reason = rule.when().test(input);
            if (reason.isEmpty()) {
                continue;
            }
            fired.add(new FiredRule(rule.id(), reason.get()));
            if (rule.priority().isPresent()) {
                priority = Optional.of(priority.map(p -> p.mostUrgent(rule.priority().get())).orElse(rule.priority().get()));
            }
            escalate |= rule.escalate();
            tags.addAll(rule.tags());
        }
        if (fired.isEmpty()) {
            return TriageOutcome.noReview();
        }
        List<String> doxxing = input.doxxing().stream()
                .map(signal -> (signal.kind() + ": " + signal.evidence()).toLowerCase(Locale.ROOT)).distinct().toList();
        return new TriageOutcome(priority, escalate && priority.isPresent(), Set.copyOf(tags), List.copyOf(fired),
                doxxing);
    }
}
