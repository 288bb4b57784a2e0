package org.vigil.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The model features of one normalised text: words, word pairs, crude stems, concepts, nearby concept pairs,
 * abuse patterns, the language, and a bias feature that every text has (the model's intercept, so text with
 * no known word scores the base rate rather than 0.5). Each feature counts once per text, so repeating a word
 * does not multiply its weight.
 *
 * <p>Concepts, concept pairs and patterns inside a quotation are counted twice: as themselves and once more
 * with a {@code q} prefix ({@code qcp=kill_you}). Counter-speech and news quote threats and slurs to condemn
 * them; the quoted twin lets a model learn that quoting lowers the score without teaching it that "kill you" is
 * clean, and a threat put in quotation marks to dodge the filter still carries the weight of its words.
 *
 * <p>Pronouns, articles and group names ("immigrants", "women") are not features on their own, only inside
 * word pairs and concept pairs: alone they say who is talked about, not whether it is abuse, and as single
 * words they let a model learn "French informal you" or "mentions Muslims" instead of a threat or an insult.
 */
public final class FeatureExtractor {

    public static final String BIAS = "bias";
    private static final Set<String> FUNCTION_WORDS = Set.of("you", "your", "u", "ur", "ya", "yourself",
            "tu", "te", "t", "ta", "toi", "ton", "tes", "vous", "votre", "vos", "i", "me", "my", "je", "j", "moi",
            "we", "us", "our", "on", "nous", "he", "she", "him", "her", "his", "il", "elle", "lui", "they", "them",
            "their", "ils", "elles", "leur", "the", "a", "an", "le", "la", "les", "l", "un", "une", "de", "des",
            "du", "d", "and", "et", "is", "are", "est", "sont", "of", "to", "in", "que", "qui", "ce", "c",
            "s", "it", "that", "this");
    private static final int CONCEPT_WINDOW = 3;
    private static final int STEM_LENGTH = 5;

    private final Function<String, List<String>> wordLists;

    public FeatureExtractor() {
        this(token -> List.of());
    }

    /**
     * With external word lists: each list a token is on becomes a feature {@code l=<list>}. The shipped models use
     * none; offline experiments measure what a lexicon adds this way.
     */
    public FeatureExtractor(Function<String, List<String>> wordLists) {
        this.wordLists = wordLists;
    }

    public String[] features(List<String> tokens, String lang) {
        Set<String> features = new LinkedHashSet<>();
        features.add(BIAS);
        features.add("lang=" + lang);
        List<String> concepts = new ArrayList<>(tokens.size());
        boolean[] quoted = quotedTokens(tokens);
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String concept = Concepts.of(token).orElse(null);
            boolean topic = Concepts.isTopic(concept);
            if (!FUNCTION_WORDS.contains(token) && !topic) {
                features.add("w=" + token);
            }
            if (token.length() > STEM_LENGTH && !topic) {
                features.add("s=" + token.substring(0, STEM_LENGTH)); // a crude stem: "threatened" -> "threa"
            }
            if (i > 0) {
                features.add("b=" + tokens.get(i - 1) + "_" + token);
            }
            for (String list : wordLists.apply(token)) {
                features.add("l=" + list);
            }
            concepts.add(concept);
            if (concept != null && !topic) {
                features.add("c=" + concept);
                if (quoted[i]) {
                    features.add("qc=" + concept);
                }
            }
        }
        addConceptPairs(concepts, quoted, features);
        AbusePatterns.matches(tokens, name -> features.add("p=" + name));
        addQuotedPatterns(tokens, quoted, features);
        return features.toArray(new String[0]);
    }

    /**
     * The tokens between the first and second quotation mark, the third and fourth, and so on. A mark left
     * unclosed opens nothing: one stray mark must not turn the rest of a threat into a quotation.
     */
    static boolean[] quotedTokens(List<String> tokens) {
        boolean[] quoted = new boolean[tokens.size()];
        int open = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).equals(TextNormalizer.QUOTE_TOKEN)) {
                continue;
            }
            if (open < 0) {
                open = i;
            } else {
                Arrays.fill(quoted, open + 1, i, true);
                open = -1;
            }
        }
        return quoted;
    }

    private static void addQuotedPatterns(List<String> tokens, boolean[] quoted, Set<String> features) {
        int i = 0;
        while (i < quoted.length) {
            if (!quoted[i]) {
                i++;
                continue;
            }
            int end = i;
            while (end < quoted.length && quoted[end]) {
                end++;
            }
            AbusePatterns.matches(tokens.subList(i, end), name -> features.add("qp=" + name));
            i = end;
        }
    }

    /** "kill ... you" within a few words becomes kill_you, whatever the language or the exact verb. */
    private static void addConceptPairs(List<String> concepts, boolean[] quoted, Set<String> features) {
        for (int i = 0; i < concepts.size(); i++) {
            String first = concepts.get(i);
            if (first == null) {
                continue;
            }
            for (int j = i + 1; j < Math.min(concepts.size(), i + 1 + CONCEPT_WINDOW); j++) {
                String second = concepts.get(j);
                if (second != null && !second.equals(first)) {
                    features.add("cp=" + first + "_" + second);
                    if (quoted[i] && quoted[j]) {
                        features.add("qcp=" + first + "_" + second);
                    }
                }
            }
        }
    }
}
