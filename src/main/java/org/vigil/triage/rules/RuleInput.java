package org.vigil.triage.rules;

import org.vigil.triage.TriageCandidate;

import java.util.List;

/**
 * What a rule condition may look at: the candidate, the MP's registered profile, the history around the
 * mention, and the doxxing signs found in its text (computed once per mention).
 */
public record RuleInput(TriageCandidate candidate, MpProfile profile, History history,
        List<DoxxingSignal> doxxing) {

    public static RuleInput of(TriageCandidate candidate, MpProfile profile, History history) {
        return new RuleInput(candidate, profile, history,
                DoxxingDetector.detect(candidate.text(), profile.familyNames(), profile.sensitivePlaces()));
    }
}
