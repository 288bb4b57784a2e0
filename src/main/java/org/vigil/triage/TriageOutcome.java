package org.vigil.triage;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What triage decided for one mention.
 *
 * @param priority   the review item's priority; empty when no human needs to see the mention
 * @param escalate   true when the security unit must be alerted at once
 * @param tags       labels added to the item (for example {@code doxxing}, {@code pile-on})
 * @param firedRules the rules that matched, in the order they were applied
 * @param doxxing    the doxxing signs found in the text, as {@code kind: evidence} in lower case
 */
public record TriageOutcome(Optional<Priority> priority, boolean escalate, Set<String> tags,
        List<FiredRule> firedRules, List<String> doxxing) {

    public static TriageOutcome noReview() {
        return new TriageOutcome(Optional.empty(), false, Set.of(), List.of(), List.of());
    }
}
