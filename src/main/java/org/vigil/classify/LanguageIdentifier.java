package org.vigil.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

/**
 * Picks the language of a mention as an ISO 639-1 code ("en", "fr"): the caller's hint when given, else
 * OpenNLP's language detector (103 languages, ISO 639-3). Mentions too short for character statistics fall
 * back to a count of French function words, since English and French are the languages MPs mostly receive.
 */
public final class LanguageIdentifier {

    public static final String MODEL_RESOURCE = "/langdetect-183.bin";
    /** Below this many letters the detector guesses; the function-word fallback is steadier. */
    static final int MIN_LETTERS = 20;
    /** The detector's cost grows with length; the first few hundred characters decide the language. */
    private static final int DETECTION_CHARS = 300;

    private static final Map<String, String> ISO3_TO_ISO1 = iso3ToIso1();
    private static final Set<String> FRENCH_WORDS = Set.of("le", "la", "les", "des", "est", "une", "et", "pas",
            "je", "tu", "vous", "nous", "qui", "que", "ton", "ta", "tes", "sur", "dans", "avec", "pour", "ce",
            "c'est", "mais", "il", "elle", "on", "sont", "toi", "moi", "du", "au", "aux", "ne");
    private static final Pattern WORD_SPLIT = Pattern.compile("[\\s\\p{Punct}&&[^']]+");

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
        Optional<String> fromHint = hint.map(LanguageIdentifier::toIso1).filter(code -> !code.isEmpty());
        if (fromHint.isPresent()) {
            return fromHint.get();
        }
        String clean = TextNormalizer.withoutLinksAndHandles(text);
        if (countLetters(clean) < MIN_LETTERS) {
            return looksFrench(clean) ? "fr" : "en";
        }
        String sample = clean.length() > DETECTION_CHARS ? clean.substring(0, DETECTION_CHARS) : clean;
        Language best = detector.predictLanguage(sample);
        return toIso1(best.getLang());
    }

    /** "fra", "fr", "fr-CA" and "FR" all become "fr"; unknown codes are kept, lower-cased. */
    static String toIso1(String code) {
        String lower = code.trim().toLowerCase(Locale.ROOT);
        int dash = lower.indexOf('-') >= 0 ? lower.indexOf('-') : lower.indexOf('_');
        String base = dash >= 0 ? lower.substring(0, dash) : lower;
        return ISO3_TO_ISO1.getOrDefault(base, base);
    }

    private static boolean looksFrench(String text) {
        int french = 0;
        for (String word : WORD_SPLIT.split(text.toLowerCase(Locale.ROOT))) {
            if (FRENCH_WORDS.contains(word)) {
                french++;
            }
        }
        boolean frenchLetters = text.chars().anyMatch(c -> "éèêàçùâîôû".indexOf(c) >= 0);
        return french >= 2 || french >= 1 && frenchLetters;
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
