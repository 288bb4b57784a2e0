package org.vigil.classify.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.vigil.classify.TextNormalizer;

/**
 * Finds near-duplicate texts by the Jaccard similarity of their word-pair shingles, after the classifier's own
 * normalisation (case, accents, leetspeak), so "We know where you live." and "we know where u live!!" meet.
 * Used to keep the frozen held-out set apart from everything the model learns from or is tested with.
 */
public final class NearDuplicates {

    /** Two texts sharing this share of their word pairs or more count as the same sentence. */
    public static final double LIMIT = 0.6;

    private static final TextNormalizer NORMALIZER = new TextNormalizer();

    /** A text of the left list, its near-duplicate in the right list, and their similarity. */
    public record Pair(String left, String right, double jaccard) {
    }

    private NearDuplicates() {
    }

    /** Word pairs of the normalised text; a one-word text is its word. */
    static Set<String> shingles(String text) {
        List<String> words = NORMALIZER.tokens(text);
        Set<String> shingles = new HashSet<>();
        if (words.size() == 1) {
            shingles.add(words.get(0));
        }
        for (int i = 1; i < words.size(); i++) {
            shingles.add(words.get(i - 1) + " " + words.get(i));
        }
        return shingles;
    }

    static double jaccard(String a, String b) {
        Set<String> left = shingles(a);
        Set<String> right = shingles(b);
        return jaccard(left, right, shared(left, right));
    }

    private static double jaccard(Set<String> left, Set<String> right, int shared) {
        int union = left.size() + right.size() - shared;
        return union == 0 ? 0 : (double) shared / union;
    }

    private static int shared(Set<String> left, Set<String> right) {
        int shared = 0;
        for (String shingle : left) {
            shared += right.contains(shingle) ? 1 : 0;
        }
        return shared;
    }

    /**
     * Every pair (one text from each list) at or above {@link #LIMIT}. Indexes the right list by shingle, so
     * a corpus of 100,000 rows against a few hundred held-out rows takes seconds.
     */
    public static List<Pair> between(List<String> leftTexts, List<String> rightTexts) {
        List<Set<String>> right = rightTexts.stream().map(NearDuplicates::shingles).toList();
        Map<String, List<Integer>> index = new HashMap<>();
        for (int r = 0; r < right.size(); r++) {
            for (String shingle : right.get(r)) {
                index.computeIfAbsent(shingle, s -> new ArrayList<>()).add(r);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (String leftText : leftTexts) {
            Set<String> left = shingles(leftText);
            Map<Integer, Integer> sharedByRow = new HashMap<>();
            for (String shingle : left) {
                for (int r : index.getOrDefault(shingle, List.of())) {
                    sharedByRow.merge(r, 1, Integer::sum);
                }
            }
            sharedByRow.forEach((r, shared) -> {
                double similarity = jaccard(left, right.get(r), shared);
                if (similarity >= LIMIT) {
                    pairs.add(new Pair(leftText, rightTexts.get(r), similarity));
                }
            });
        }
        return pairs;
    }
}
