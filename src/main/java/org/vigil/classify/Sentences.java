package org.vigil.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The sentences of a mention, scored each on its own beside the whole text: a threat followed by filler, another
 * topic or a long quote keeps the score it has alone, instead of being averaged (the embedding) or outweighed
 * (the words of the rest) by what surrounds it. Only mentions of two sentences or more have any; at most
 * {@value #MAX_SENTENCES} are taken, from the first {@value #MAX_CHARS} characters, and fragments under
 * {@value #MIN_WORDS} words are left to the whole text, so the cost stays bounded.
 */
public final class Sentences {

    static final int MAX_SENTENCES = 4;
    static final int MAX_CHARS = 2_000;
    static final int MIN_WORDS = 2;

    private static final Pattern BOUNDARY = Pattern.compile("(?<=[.!?…])\\s+|\\s*[\\r\\n]+\\s*");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private Sentences() {
    }

    /** The sentences worth scoring alone; empty for a mention of one sentence. */
    public static List<String> of(String text) {
        String head = text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS);
        List<String> sentences = new ArrayList<>();
        for (String part : BOUNDARY.split(head)) {
            String sentence = part.strip();
            if (WORD.matcher(sentence).results().limit(MIN_WORDS).count() >= MIN_WORDS) {
                sentences.add(sentence);
            }
        }
        return sentences.size() < 2 ? List.of() : List.copyOf(sentences.subList(0, Math.min(MAX_SENTENCES,
                sentences.size())));
    }
}
