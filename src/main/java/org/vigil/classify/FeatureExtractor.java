package org.vigil.classify;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The model features of one normalised text: words, word pairs, concepts, nearby concept pairs, threat
 * patterns, the language, and a bias feature that every text has (the model's intercept, so text with no
 * known word scores the base rate rather than 0.5). Each feature counts once per text, so repeating a word
 * does not multiply its weight.
 */
public final class FeatureExtractor {

    public static final String BIAS = "bias";
    private static final int CONCEPT_WINDOW = 3;
    private static final int STEM_LENGTH = 5;

    public String[] features(List<String> tokens, String lang) {
        Set<String> features = new LinkedHashSet<>();
        features.add(BIAS);
        features.add("lang=" + lang);
        List<String> concepts = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            features.add("w=" + token);
            if (token.length() > STEM_LENGTH) {
                features.add("s=" + token.substring(0, STEM_LENGTH)); // a crude stem: "immigrants", "immigres" -> "immig"
            }
            if (i > 0) {
                features.add("b=" + tokens.get(i - 1) + "_" + token);
            }
            String concept = Concepts.of(token).orElse(null);
            concepts.add(concept);
            if (concept != null && !Concepts.TOPICS.contains(concept)) {
                features.add("c=" + concept);
            }
        }
        addConceptPairs(concepts, features);
        AbusePatterns.matches(tokens, name -> features.add("p=" + name));
        return features.toArray(new String[0]);
    }

    /** "kill ... you" within a few words becomes kill_you, whatever the language or the exact verb. */
    private static void addConceptPairs(List<String> concepts, Set<String> features) {
        for (int i = 0; i < concepts.size(); i++) {
            String first = concepts.get(i);
            if (first == null) {
                continue;
            }
            for (int j = i + 1; j < Math.min(concepts.size(), i + 1 + CONCEPT_WINDOW); j++) {
                String second = concepts.get(j);
                if (second != null && !second.equals(first)) {
                    features.add("cp=" + first + "_" + second);
                }
            }
        }
    }
}
