package org.vigil.triage.rules;

import java.util.List;

/** A versioned, validated list of rules, applied in order. */
public record RuleSet(String version, List<Rule> rules) {
}
