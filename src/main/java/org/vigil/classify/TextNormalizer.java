package org.vigil.classify;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns raw mention text into the tokens the models see, identically in training and in service.
 * Undoes the disguises abusers use (leetspeak, stretched, spaced, starred or dotted letters, look-alike
 * letters, threat emoji) and folds case and accents. Never throws; any input gives a (possibly empty) list.
 */
public final class TextNormalizer {

    /** Long posts are cut: the models were trained on short mentions, and the cut keeps the service fast. */
    public static final int MAX_CODE_POINTS = 2_000;
    /** Features come from the first tokens only: very long documents hurt maxent training and add little. */
    public static final int MAX_TOKENS = 100;

    public static final String URL_TOKEN = "xurl";
    public static final String USER_TOKEN = "xuser";
    /**
     * Stands for a quotation mark: counter-speech and news quote abuse, and the model may learn so. Double marks
     * always count; single ones only as a pair around words ('go home'), never as an apostrophe.
     */
    public static final String QUOTE_TOKEN = "xquote";

    private static final Pattern URL = Pattern.compile(
            "(?i)(?:https?://|www\\.)\\S+|\\[url\\]|(?<![\\w@])@url\\b");
    private static final Pattern HANDLE = Pattern.compile("(?i)(?<![\\w@])@\\w+|\\[user\\]");
    /**
     * Words between single quotation marks: the opening one not after a letter or digit, the closing one not
     * before one, and inside only apostrophes between letters ("'you're not from here'"). Replaced by double
     * marks, which {@link #fold} then marks.
     */
    private static final Pattern SINGLE_QUOTED = Pattern.compile(
            "(?<![\\p{L}\\p{N}])['\u2018]((?:[^'\u2018\u2019\\n]|(?<=\\p{L})['\u2019](?=\\p{L})){1,300}?)"
            + "['\u2019](?![\\p{L}\\p{N}])");
    /** Double quotation marks: straight, curly, low and French guillemets. */
    private static final String QUOTES = "\"\u201C\u201D\u201E\u00AB\u00BB";
    private static final Set<String> ARTICLES = Set.of("a", "i", "u", "y");
    private static final Pattern SPACED_BY_PUNCTUATION = Pattern.compile("(?:\\p{L}[.\\-_]){2,}\\p{L}");
    /** Compiled once: String.split compiles any pattern longer than one character at every call. */
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final String KEPT_SYMBOLS = "*#!@$|.-_'";
    private static final Map<Character, Character> LEET = Map.ofEntries(
            Map.entry('0', 'o'), Map.entry('1', 'i'), Map.entry('3', 'e'), Map.entry('4', 'a'),
            Map.entry('5', 's'), Map.entry('7', 't'), Map.entry('8', 'b'), Map.entry('@', 'a'),
            Map.entry('$', 's'), Map.entry('!', 'i'), Map.entry('|', 'l'));
    /** Second readings of ambiguous leet characters, tried when the first reading is not a known word. */
    private static final Map<Character, Character> LEET_ALTERNATIVES = Map.of('1', 'l', '|', 'i', '!', 'l');
    /** Cyrillic and Greek letters that look Latin, swapped in to dodge word filters ("kіll" with a Cyrillic i). */
    private static final Map<Character, Character> HOMOGLYPHS = Map.ofEntries(
            Map.entry('а', 'a'), Map.entry('е', 'e'), Map.entry('о', 'o'), Map.entry('р', 'p'),
            Map.entry('с', 'c'), Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'),
            Map.entry('ѕ', 's'), Map.entry('к', 'k'), Map.entry('ο', 'o'), Map.entry('α', 'a'),
            Map.entry('ι', 'i'), Map.entry('τ', 't'));
    /** A word with no character from here up has no homoglyph to swap (most words: nothing to copy). */
    private static final char LOWEST_HOMOGLYPH = Collections.min(HOMOGLYPHS.keySet());

    /** Input cut to {@link #MAX_CODE_POINTS} without splitting a surrogate pair; null becomes empty. */
    public static String truncate(String text) {
        if (text == null) {
            return "";
        }
        if (text.codePointCount(0, text.length()) <= MAX_CODE_POINTS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CODE_POINTS));
    }

    /** The text without links and @handles, for language detection (they say nothing about the language). */
    public static String withoutLinksAndHandles(String text) {
        return withoutHandles(withoutLinks(truncate(text), " "), " ");
    }

    public List<String> tokens(String text) {
        String marked = withSingleQuotesDoubled(withoutHandles(withoutLinks(truncate(text), " " + URL_TOKEN + " "),
                " " + USER_TOKEN + " "));
        String folded = fold(Normalizer.normalize(marked, Normalizer.Form.NFKD));
        List<String> tokens = new ArrayList<>();
        for (String word : folded.split(" ")) {
            if (tokens.size() >= 2 * MAX_TOKENS) {
                break;
            }
            addWord(word, tokens);
        }
        List<String> joined = joinSpacedLetters(tokens);
        return joined.size() > MAX_TOKENS ? List.copyOf(joined.subList(0, MAX_TOKENS)) : joined;
    }

    // Each pattern below is run only when the text holds a character a match must start with: most mentions have
    // no link, handle or opening single quote, and scanning them with the patterns took a sixth of the lexical stage.

    private static String withoutLinks(String text, String replacement) {
        boolean possible = text.indexOf("://") >= 0 || text.indexOf('[') >= 0 || text.indexOf('@') >= 0
                || containsIgnoreCase(text, "www.");
        return possible ? URL.matcher(text).replaceAll(replacement) : text;
    }

    private static String withoutHandles(String text, String replacement) {
        boolean possible = text.indexOf('@') >= 0 || text.indexOf('[') >= 0;
        return possible ? HANDLE.matcher(text).replaceAll(replacement) : text;
    }

    /** See {@link #SINGLE_QUOTED}: an opening mark never follows a letter or digit, as an apostrophe does. */
    private static String withSingleQuotesDoubled(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c == '\'' || c == '\u2018') && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))) {
                return SINGLE_QUOTED.matcher(text).replaceAll("\"$1\"");
            }
        }
        return text;
    }

    private static boolean containsIgnoreCase(String text, String part) {
        for (int i = 0; i + part.length() <= text.length(); i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Lower-cases letters, drops accents and invisible characters, spells out threat emoji, marks double
     * quotation marks and turns all other symbols into spaces. Works by code point so emoji and other surrogate
     * pairs stay whole.
     */
    private static String fold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            int type = Character.getType(cp);
            String emojiWord = ThreatEmoji.wordFor(cp);
            if (emojiWord != null) {
                out.append(' ').append(emojiWord).append(' ');
            } else if (cp < 0x10000 && QUOTES.indexOf(cp) >= 0) {
                out.append(' ').append(QUOTE_TOKEN).append(' ');
            } else if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                    || type == Character.FORMAT) {
                // accents after NFKD, variation selectors, zero-width joiners and RTL marks: invisible, dropped
            } else if (Character.isLetterOrDigit(cp)) {
                out.appendCodePoint(Character.toLowerCase(cp));
            } else if (cp < 128 && KEPT_SYMBOLS.indexOf(cp) >= 0) {
                out.append((char) cp);
            } else {
                out.append(' ');
            }
        });
        return out.toString();
    }

    private static void addWord(String rawWord, List<String> tokens) {
        String word = trimSymbols(rawWord);
        if (word.isEmpty()) {
            return;
        }
        if (word.indexOf('*') >= 0 || word.indexOf('#') >= 0) {
            String masked = word.replace('#', '*');
            Optional<String> unmasked = ObfuscatedWords.unmask(masked, '*');
            if (unmasked.isPresent()) {
                tokens.add(unmasked.get());
                return;
            }
        }
        if (SPACED_BY_PUNCTUATION.matcher(word).matches()) {
            word = word.replaceAll("[.\\-_]", "");
        }
        word = unleet(replaceHomoglyphs(word));
        for (String piece : NOT_LETTER_OR_DIGIT.split(word)) {
            if (!piece.isEmpty()) {
                tokens.add(collapseRepeats(piece));
            }
        }
    }

    private static String trimSymbols(String word) {
        int start = 0;
        int end = word.length();
        while (start < end && !Character.isLetterOrDigit(word.charAt(start))) {
            start++;
        }
        while (end > start && !Character.isLetterOrDigit(word.charAt(end - 1))) {
            end--;
        }
        return word.substring(start, end);
    }

    private static String replaceHomoglyphs(String word) {
        if (!hasAsciiLetter(word) || !hasPossibleHomoglyph(word)) {
            return word; // a genuinely Cyrillic or Greek word is left as it is; most words have nothing to swap
        }
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            out.append(HOMOGLYPHS.getOrDefault(c, c));
        }
        return out.toString();
    }

    private static boolean hasPossibleHomoglyph(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (word.charAt(i) >= LOWEST_HOMOGLYPH) {
                return true;
            }
        }
        return false;
    }

    /**
     * "k1ll", "b!tch", "5lut", "sh00t": a known abusive word is always restored; otherwise a word is mapped only
     * when letters dominate and no digits run together, so "g20" and "2024" stay as they are.
     */
    private static String unleet(String word) {
        int letters = 0;
        int leet = 0;
        boolean digitRun = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (LEET.containsKey(c)) {
                leet++;
                digitRun |= i > 0 && Character.isDigit(c) && Character.isDigit(word.charAt(i - 1));
            }
        }
        if (leet == 0 || letters == 0) {
            return word;
        }
        String mapped = mapLeet(word, LEET);
        if (ObfuscatedWords.isKnown(mapped)) {
            return mapped;
        }
        String alternative = mapLeet(word, LEET_ALTERNATIVES); // "s1ut" is "slut", not "siut"
        if (ObfuscatedWords.isKnown(alternative)) {
            return alternative;
        }
        return leet > letters || digitRun ? word : mapped;
    }

    private static String mapLeet(String word, Map<Character, Character> primary) {
        StringBuilder out = new StringBuilder(word.length());
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            out.append(primary.getOrDefault(c, LEET.getOrDefault(c, c)));
        }
        return out.toString();
    }

    /** "coooool" becomes "cool" (at most two of a letter); "kiiiilll" becomes "kill" when it is a known word. */
    private static String collapseRepeats(String piece) {
        StringBuilder out = new StringBuilder(piece.length());
        boolean stretched = false;
        for (int i = 0; i < piece.length(); i++) {
            char c = piece.charAt(i);
            int n = out.length();
            if (Character.isLetter(c) && n >= 2 && out.charAt(n - 1) == c && out.charAt(n - 2) == c) {
                stretched = true;
                continue;
            }
            out.append(c);
        }
        String collapsed = out.toString();
        return stretched ? ObfuscatedWords.unstretch(collapsed).orElse(collapsed) : collapsed;
    }

    /**
     * "s l u t" and "k i l l": three or more single letters in a row are read as one word. A leading "a" or
     * "i" stays a word of its own when the rest is a known word ("a w h o r e").
     */
    private static List<String> joinSpacedLetters(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            int j = i;
            while (j < tokens.size() && isSingleLetter(tokens.get(j))) {
                j++;
            }
            if (j - i >= 3) {
                String rest = String.join("", tokens.subList(i + 1, j));
                if (ARTICLES.contains(tokens.get(i)) && ObfuscatedWords.isKnown(rest)) {
                    out.add(tokens.get(i));
                    out.add(rest);
                } else {
                    out.add(tokens.get(i) + rest);
                }
                i = j;
            } else {
                out.add(tokens.get(i));
                i++;
            }
        }
        return out;
    }

    private static boolean isSingleLetter(String token) {
        return token.length() == 1 && Character.isLetter(token.charAt(0));
    }

    private static boolean hasAsciiLetter(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c < 128 && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }
}
