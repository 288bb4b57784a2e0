package org.vigil.triage.rules;

import java.util.List;

/** A rule file or edit that cannot be applied; each problem names the rule and what is wrong with it. */
public class InvalidRulesException extends RuntimeException {

    private final List<String> problems;

    public InvalidRulesException(List<String> problems) {
        super(String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
