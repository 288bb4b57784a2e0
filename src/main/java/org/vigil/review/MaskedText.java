package org.vigil.review;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides slurs and insults behind their first letter ({@code b****}) so that a reviewer reads what a
 * mention says without taking in every insult. The words masked are a list of common insults and slurs in
 * English and French. The classifier's explanation words are not used: they include ordinary words
 * ("back", "never") whose masking would make the text unreadable.
 */
final class MaskedText {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’*-]*");
    private static final Set<String> INSULTS = load("/review/masked-words.txt");

    private MaskedText() {
    }

    /** The text with each listed insult masked. */
    static String mask(String text) {
        Matcher m = WORD.matcher(text);
        StringBuilder masked = new StringBuilder(text.length());
        while (m.find()) {
            boolean hide = INSULTS.contains(fold(m.group()));
            m.appendReplacement(masked, Matcher.quoteReplacement(hide ? hide(m.group()) : m.group()));
        }
        m.appendTail(masked);
        return masked.toString();
    }

    private static String hide(String word) {
        int first = word.offsetByCodePoints(0, 1);
        return word.substring(0, first) + "*".repeat(word.codePointCount(first, word.length()));
    }

    /** Lower case without accents, so "Enculé" and "encule" are one word. */
    private static String fold(String word) {
        String decomposed = Normalizer.normalize(word.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}", "").replace('’', '\'');
    }

    private static Set<String> load(String resource) {
        Set<String> words = new HashSet<>();
        try (InputStream in = MaskedText.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(fold(word));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
