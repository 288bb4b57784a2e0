package org.vigil.triage.rules;

import java.util.List;

/**
 * What admins registered about one MP for the rules.
 *
 * @param thresholdReduction subtracted from every score threshold for this MP (an MP under known threat)
 * @param watchKeywords      words or phrases that always bring a mention to a human for this MP
 */
public record MpProfile(double thresholdReduction, List<String> watchKeywords, List<String> familyNames,
        List<String> sensitivePlaces) {

    public static final MpProfile NONE = new MpProfile(0, List.of(), List.of(), List.of());
}
