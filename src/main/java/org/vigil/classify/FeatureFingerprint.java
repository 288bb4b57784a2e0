package org.vigil.classify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * What this build's feature code makes of fixed probe texts, as a short hash. Training records it in the manifest
 * and the classifier refuses a model whose fingerprint differs: weights learnt on other tokens, concepts, patterns
 * or language codes would score every mention wrongly, not slightly differently, and nothing else would say so.
 * The probes touch every part of the path (normalisation of leetspeak, spacing, links and handles, emoji, quotes,
 * concepts and their pairs, patterns, both languages and the language detector). The concept lexicon and the
 * patterns are digested whole as well: a new word or pattern that no probe happens to contain changes what the
 * models see just the same.
 */
public final class FeatureFingerprint {

    private static final List<String> PROBES = List.of(
            "I will find you and hurt you, you coward",
            "Someone should burn down your office tonight",
            "Go back to where you came from, your people are not welcome here",
            "Women like you belong in the kitchen, not in parliament",
            "They called her a \"dirty foreigner\" and we condemn it",
            "A man called her a filthy whore at the surgery, nobody deserves that",
            "k i l l  y0u, w@tch your back @someone https://example.org/x 🔪",
            "Thank you for the help with my housing benefit claim last week",
            "Je vais te retrouver et te faire payer, sale lâche",
            "Retourne dans ton pays, on ne veut pas de ta religion ici",
            "Il l'a traitée de sale pute devant ses enfants, tout mon soutien",
            "Une femme n'a rien à faire à l'Assemblée, reste à la maison",
            "Merci pour votre réponse au sujet de la fermeture de l'école");

    private FeatureFingerprint() {
    }

    /**
     * The first 16 hex digits of the SHA-256 over each probe's detected language and features, in order, then the
     * concept lexicon and the patterns.
     */
    public static String of(TextNormalizer normalizer, LanguageIdentifier languages, FeatureExtractor extractor) {
        MessageDigest sha256 = sha256();
        for (String probe : PROBES) {
            List<String> tokens = normalizer.tokens(probe);
            String lang = languages.identify(probe, tokens, Optional.empty());
            String line = lang + '\t' + String.join(" ", extractor.features(tokens, lang)) + '\n';
            sha256.update(line.getBytes(StandardCharsets.UTF_8));
        }
        sha256.update(Concepts.definition().getBytes(StandardCharsets.UTF_8));
        sha256.update(AbusePatterns.definition().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(sha256.digest()).substring(0, 16);
    }

    /** This build's fingerprint with the shipped feature extractor (no extra word lists). */
    public static String ofThisBuild(LanguageIdentifier languages) {
        return of(new TextNormalizer(), languages, new FeatureExtractor());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
