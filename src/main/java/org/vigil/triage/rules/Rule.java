package org.vigil.triage.rules;

import org.vigil.triage.Priority;

import java.util.Optional;
import java.util.Set;

/**
 * One escalation rule: when its condition holds, its actions apply.
 *
 * @param priority the review priority it sets (the most urgent of all fired rules wins)
 * @param escalate whether the security unit is alerted at once
 * @param tags     labels added to the review item
 */
public record Rule(String id, String description, Condition when, Optional<Priority> priority, boolean escalate,
        Set<String> tags) {
}
