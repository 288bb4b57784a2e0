package org.vigil.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Picks the language of a mention as an ISO 639-1 code ("en", "fr"). In order: the caller's hint; a count of
 * English and French function words when it is clear-cut (most mentions, and about a hundred times cheaper
 * than the detector); OpenNLP's language detector (103 languages, ISO 639-3) for everything else; and for
 * text too short for character statistics, the function-word count again, then French accents, then English.
 */
public final class LanguageIdentifier {

    public static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Below this many letters the detector guesses; the function-word fallback is steadier. */
    static final int MIN_LETTERS = 20;
    /** The detector's cost grows with length; the first few hundred characters decide the language. */
    private static final int DETECTION_CHARS = 300;

    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();
    /** Normalised function words frequent in one language and rare in the other (and in Spanish or Italian). */
    private static final Set<String> ENGLISH_WORDS = Set.of("the", "you", "your", "and", "is", "are", "of", "to",
            "this", "that", "with", "have", "will", "what", "we", "they", "he", "she", "it", "not", "be", "for",
            "my", "was", "i", "me", "our", "were", "would");
    private static final Set<String> FRENCH_WORDS = Set.of("le", "les", "des", "est", "et", "tu", "vous", "nous",
            "une", "pas", "je", "qui", "ce", "dans", "pour", "avec", "sur", "ton", "tes", "toi", "mais", "sont",
            "il", "elle", "du", "au", "aux", "ne", "moi", "votre", "vos", "cette", "ces");
    private static final Set<String> EXPECTED = Set.of("eng", "fra");
    private static final double EXPECTED_PRIOR = 3.0;
    /** A clear-cut count: enough function words, nearly all from one language, in a fifth of the words. */
    private static final int MIN_FUNCTION_WORDS = 3;

    private final LanguageDetectorME detector;

    public LanguageIdentifier(LanguageDetectorModel model) {
        this.detector = new LanguageDetectorME(model);
    }

    /** Loads OpenNLP's language-detection model from the opennlp-models-langdetect jar on the classpath. */
    public static LanguageIdentifier fromClasspath() {
        try (InputStream in = LanguageIdentifier.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("language model " + MODEL_RESOURCE + " is not on the classpath");
            }
            return new LanguageIdentifier(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + MODEL_RESOURCE, e);
        }
    }

    public String identify(String text, Optional<String> hint) {
        return identify(text, new TextNormalizer().tokens(text), hint);
    }

    /** As {@link #identify(String, Optional)}, reusing the text's normalised tokens. */
    public String identify(String text, List<String> tokens, Optional<String> hint) {
        Optional<String> fromHint = hint.map(LanguageIdentifier::toIso1).filter(code -> !code.isEmpty());
        if (fromHint.isPresent()) {
            return fromHint.get();
        }
        int english = count(tokens, ENGLISH_WORDS);
        int french = count(tokens, FRENCH_WORDS);
        if (isClearCut(english, french, tokens.size())) {
            return "en";
        }
        if (isClearCut(french, english, tokens.size())) {
            return "fr";
        }
        String clean = TextNormalizer.withoutLinksAndHandles(text);
        if (countLetters(clean) < MIN_LETTERS) {
            return french > english || french == english && hasFrenchAccent(clean) ? "fr" : "en";
        }
        String sample = clean.length() > DETECTION_CHARS ? clean.substring(0, DETECTION_CHARS) : clean;
        return toIso1(mostLikely(detector.predictLanguages(sample)));
    }

    /**
     * The detector's best guess weighted by a prior: MPs are written to in English and French far more than
     * in anything else, and on short posts the detector readily mistakes French for Occitan or Latin.
     */
    private static String mostLikely(Language[] candidates) {
        String best = "eng";
        double bestScore = -1;
        for (Language candidate : candidates) {
            double prior = EXPECTED.contains(candidate.getLang()) ? EXPECTED_PRIOR : 1.0;
            double score = candidate.getConfidence() * prior;
            if (score > bestScore) {
                bestScore = score;
                best = candidate.getLang();
            }
        }
        return best;
    }

    private static boolean isClearCut(int hits, int otherHits, int tokens) {
        return hits >= MIN_FUNCTION_WORDS && otherHits * 4 <= hits && hits * 5 >= tokens;
    }

    private static int count(List<String> tokens, Set<String> words) {
        int hits = 0;
        for (String token : tokens) {
            if (words.contains(token)) {
                hits++;
            }
        }
        return hits;
    }

    /** "fra", "fr", "fr-CA" and "FR" all become "fr"; unknown codes are kept, lower-cased. */
    static String toIso1(String code) {
        String lower = code.trim().toLowerCase(Locale.ROOT);
        int dash = lower.indexOf('-') >= 0 ? lower.indexOf('-') : lower.indexOf('_');
        String base = dash >= 0 ? lower.substring(0, dash) : lower;
        return ISO3_TO_ISO1.getOrDefault(base, base);
    }

    /** Letters common in French and absent from English: a tie-breaker for a few words ("Sale négresse"). */
    private static boolean hasFrenchAccent(String text) {
        return text.chars().anyMatch(c -> "éèêàçùâîôûÉÈÊÀÇ".indexOf(c) >= 0);
    }

    private static int countLetters(String text) {
        int letters = 0;
        for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        return letters;
    }

    private static Map<String, String> iso3ToIso1() {
        Map<String, String> map = new HashMap<>();
        for (String iso1 : Locale.getISOLanguages()) {
            try {
                map.put(Locale.forLanguageTag(iso1).getISO3Language(), iso1);
            } catch (MissingResourceException e) {
                // a code without a three-letter form cannot come out of the detector; skip it
            }
        }
        // macrolanguage members the detector reports under their own ISO 639-3 codes
        map.putAll(Map.of("cmn", "zh", "pes", "fa", "zsm", "ms", "nob", "no", "ekk", "et", "lvs", "lv",
                "swh", "sw", "arb", "ar"));
        return map;
    }
}
