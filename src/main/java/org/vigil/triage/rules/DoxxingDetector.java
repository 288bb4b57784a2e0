package org.vigil.triage.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds signs, in English and French, that a writer exposes or claims to know where an MP or their family
 * can be found: street addresses, phone numbers, car plates, "I know where you live", and the family
 * names and sensitive places registered for the MP. Numbers and places alone (a date, a sum, a bill
 * number, a town in a policy debate) stay quiet.
 */
public final class DoxxingDetector {

    private static final String EN_STREET = "street|st|road|rd|avenue|ave|lane|ln|drive|dr|close|way|crescent|"
            + "place|court|boulevard|blvd|terrace|gardens|grove|square|mews";
    private static final String FR_STREET = "rue|avenue|av|boulevard|bd|place|chemin|all[ée]e|impasse|quai|route|"
            + "cours|square|r[ée]sidence";

    private static final List<Detector> DETECTORS = List.of(
            new Detector("street address", Pattern.compile(
                    "\\b\\d{1,5}[a-z]?,?\\s+(?:[\\p{Lu}][\\p{L}'-]+\\s+){1,3}(?i:" + EN_STREET + ")\\b\\.?",
                    Pattern.UNICODE_CHARACTER_CLASS)),
            new Detector("street address", Pattern.compile(
                    "(?i)\\b\\d{1,4}(?:\\s?(?:bis|ter))?,?\\s+(?:" + FR_STREET + ")\\.?\\s+(?:de\\s+la\\s+|de\\s+l'|du\\s+|des\\s+|de\\s+|d')?\\p{L}[\\p{L}'-]+",
                    Pattern.UNICODE_CHARACTER_CLASS)),
            new Detector("phone number", Pattern.compile("(?<![\\d+])(?:\\+33\\s?|0033\\s?|0)[1-9](?:[\\s.-]?\\d{2}){4}(?!\\d)")),
            new Detector("phone number", Pattern.compile("(?<![\\d+])(?:\\+44\\s?7\\d{3}|07\\d{3})[\\s.-]?\\d{3}[\\s.-]?\\d{3}(?!\\d)")),
            new Detector("phone number", Pattern.compile("(?<![\\d+])(?:\\+1[\\s.-]?)?\\(?\\d{3}\\)?[\\s.-]\\d{3}[\\s.-]\\d{4}(?!\\d)")),
            new Detector("phone number", Pattern.compile("(?<![\\d\\w])\\+\\d{2,3}(?:[\\s.-]?\\d){8,11}(?!\\d)")),
            new Detector("car plate", Pattern.compile("\\b[A-Z]{2}\\d{2}\\s?[A-Z]{3}\\b")),
            new Detector("car plate", Pattern.compile("\\b[A-Z]{2}-\\d{3}-[A-Z]{2}\\b")),
            new Detector("knows where the MP or family lives", Pattern.compile(
                    "(?i)\\b(?:i|we|i've|we've)\\s+(?:know|found|found\\s+out|have\\s+found)\\s+where\\s+"
                            + "(?:you|your\\s+(?:\\w+\\s+)?(?:kids?|children|family|wife|husband|partner|daughters?|sons?|"
                            + "mum|mom|mother|dad|father|parents|office|staff))\\s+"
                            + "(?:live|lives|work|works|sleep|sleeps|stay|stays|park|parks|go\\s+to\\s+school|goes\\s+to\\s+school|"
                            + "go|goes|are|is)\\b")),
            new Detector("knows where the MP or family lives", Pattern.compile(
                    "(?i)\\b(?:i|we)\\s+(?:have|got|know)\\s+(?:your|ur)\\s+(?:home\\s+)?address\\b")),
            new Detector("knows where the MP or family lives", Pattern.compile(
                    "(?i)\\b(?:je\\s+sais|on\\s+sait|nous\\s+savons|j'ai\\s+trouvé|on\\s+a\\s+trouvé)\\s+où\\s+"
                            + "(?:tu|vous|(?:ta|ton|tes|votre|vos)\\s+\\p{L}+)\\s+"
                            + "(?:habites?|habitez|habitent|vis|vit|vivez|vivent|travailles?|travaillez|travaillent|"
                            + "dors|dort|dormez|dorment|te\\s+gares|vas|va|vont|allez|es|est|êtes|sont)\\b",
                    Pattern.UNICODE_CHARACTER_CLASS)),
            new Detector("knows where the MP or family lives", Pattern.compile(
                    "(?i)\\b(?:j'ai|on\\s+a|nous\\s+avons)\\s+(?:ton|votre)\\s+adresse\\b",
                    Pattern.UNICODE_CHARACTER_CLASS)));

    private DoxxingDetector() {
    }

    /**
     * Every signal in {@code text}, in the order of the detectors, each with the words that triggered it.
     *
     * @param familyNames    first or full names of the MP's family members, registered by an admin
     * @param sensitivePlaces places registered as sensitive for the MP (home town, surgery venue)
     */
    public static List<DoxxingSignal> detect(String text, List<String> familyNames, List<String> sensitivePlaces) {
        List<DoxxingSignal> signals = new ArrayList<>();
        for (Detector detector : DETECTORS) {
            Matcher matcher = detector.pattern().matcher(text);
            if (matcher.find()) {
                signals.add(new DoxxingSignal(detector.kind(), matcher.group().trim()));
            }
        }
        String folded = fold(text);
        for (String name : familyNames) {
            if (containsWords(folded, name)) {
                signals.add(new DoxxingSignal("names a family member", name));
            }
        }
        for (String place : sensitivePlaces) {
            if (containsWords(folded, place)) {
                signals.add(new DoxxingSignal("names a sensitive place", place));
            }
        }
        return signals;
    }

    private static boolean containsWords(String foldedText, String words) {
        String folded = fold(words).trim();
        return !folded.isEmpty() && Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(folded) + "(?![\\p{L}\\p{N}])")
                .matcher(foldedText).find();
    }

    /** Lower case without accents, so "Écully" matches "ecully". */
    static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    private record Detector(String kind, Pattern pattern) {
    }
}
