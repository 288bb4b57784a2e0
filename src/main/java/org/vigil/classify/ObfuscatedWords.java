package org.vigil.classify;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Abusive words people disguise ("f*ck", "kiiiill"): a masked or stretched token is restored only when it
 * matches exactly one of these, so ordinary words are never rewritten into abuse.
 */
final class ObfuscatedWords {

    private static final List<String> WORDS = List.of(
            "kill", "die", "dead", "rape", "shoot", "stab", "hang", "lynch", "murder", "bomb", "gun", "knife",
            "burn", "slut", "whore", "bitch", "cunt", "hoe", "skank", "fuck", "fucking", "shit", "nigger", "nigga",
            "paki", "kike", "spic", "chink", "faggot", "retard", "bastard", "tuer", "creve", "crever", "salope",
            "pute", "connasse", "negre", "bougnoule", "encule", "batard", "putain");

    private static final Map<String, String> BY_SQUEEZED = new HashMap<>();
    private static final Set<String> KNOWN = Set.copyOf(WORDS);

    static {
        for (String word : WORDS) {
            BY_SQUEEZED.putIfAbsent(squeeze(word), word);
        }
    }

    private ObfuscatedWords() {
    }

    /** "kiiilll" and "kill" both squeeze to "kil": letter runs collapsed to one letter. */
    static String squeeze(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (out.length() == 0 || out.charAt(out.length() - 1) != c) {
                out.append(c);
            }
        }
        return out.toString();
    }

    static boolean isKnown(String word) {
        return KNOWN.contains(word);
    }

    static Optional<String> unstretch(String word) {
        return Optional.ofNullable(BY_SQUEEZED.get(squeeze(word)));
    }

    /** Resolves "f*ck" or "n**ger": every non-masked letter must match, in the same positions. */
    static Optional<String> unmask(String masked, char mask) {
        String found = null;
        for (String word : WORDS) {
            if (word.length() == masked.length() && matches(masked, mask, word)) {
                if (found != null) {
                    return Optional.empty(); // ambiguous: leave it alone rather than guess
                }
                found = word;
            }
        }
        return Optional.ofNullable(found);
    }

    private static boolean matches(String masked, char mask, String word) {
        boolean sawLetter = false;
        for (int i = 0; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c != mask) {
                if (c != word.charAt(i)) {
                    return false;
                }
                sawLetter = true;
            }
        }
        return sawLetter;
    }
}
