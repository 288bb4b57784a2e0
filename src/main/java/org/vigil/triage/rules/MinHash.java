package org.vigil.triage.rules;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Near-duplicate detection for campaigns: a text becomes the set of its word shingles (runs of
 * {@link #SHINGLE} words, lower case, accents and punctuation dropped), and the set a short signature
 * whose agreement with another estimates their Jaccard similarity. Signatures are small enough to store
 * per mention and compare with many recent ones.
 */
public final class MinHash {

    public static final int SHINGLE = 3;
    public static final int SIZE = 64;
    private static final long[] A = new long[SIZE];
    private static final long[] B = new long[SIZE];
    private static final long PRIME = (1L << 61) - 1;

    static {
        SplittableRandom random = new SplittableRandom(0x5EED_CA3Dl);
        for (int i = 0; i < SIZE; i++) {
            A[i] = 1 + random.nextLong(PRIME - 1);
            B[i] = random.nextLong(PRIME);
        }
    }

    private MinHash() {
    }

    /** The signature of {@code text}; empty (all maximal) when it has no words. */
    public static int[] signature(String text) {
        int[] signature = new int[SIZE];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        for (int shingle : shingles(text)) {
            long x = shingle & 0xffffffffL;
            for (int i = 0; i < SIZE; i++) {
                int h = (int) (Math.floorMod(A[i] * x + B[i], PRIME) & 0x7fffffff);
                if (h < signature[i]) {
                    signature[i] = h;
                }
            }
        }
        return signature;
    }

    /** Estimated Jaccard similarity of the two texts' shingle sets, from 0 to 1. */
    public static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i] && a[i] != Integer.MAX_VALUE) {
                same++;
            }
        }
        return same / (double) SIZE;
    }

    static Set<Integer> shingles(String text) {
        String[] words = DoxxingDetector.fold(text).replaceAll("https?://\\S+|@\\w+", " ")
                .split("[^\\p{L}\\p{N}]+");
        java.util.List<String> kept = java.util.Arrays.stream(words).filter(w -> !w.isEmpty()).toList();
        Set<Integer> shingles = new HashSet<>();
        if (kept.size() < SHINGLE) {
            if (!kept.isEmpty()) {
                shingles.add(String.join(" ", kept).hashCode());
            }
            return shingles;
        }
        for (int i = 0; i + SHINGLE <= kept.size(); i++) {
            shingles.add(String.join(" ", kept.subList(i, i + SHINGLE)).hashCode());
        }
        return shingles;
    }
}
