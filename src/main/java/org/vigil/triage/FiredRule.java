package org.vigil.triage;

/**
 * A rule that matched a mention, and why, in words a reviewer reads on the item page.
 *
 * @param ruleId stable id of the rule (for example {@code built-in:violent-urgent})
 * @param reason what in the mention made it fire (for example "VIOLENT 0.93 ≥ 0.80")
 */
public record FiredRule(String ruleId, String reason) {
}
