package org.vigil.classify.training;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.vigil.classify.TextNormalizer;

/**
 * HurtLex 1.2 (Bassignana, Basile and Patti, CLiC-it 2018; CC BY-NC-SA 4.0), read from {@code ../shared/lexicons}
 * for offline experiments only: its licence does not allow shipping the word lists, or anything derived from
 * them, in Vigil's Apache-2.0 jar. One-word lemmas of the conservative level, normalised like mention text, each
 * mapped to its HurtLex categories ({@code ps} ethnic slurs, {@code an} animals, ...).
 */
final class HurtLex {

    private static final String CONSERVATIVE = "conservative";

    private final Map<String, Set<String>> categoriesByWord;

    private HurtLex(Map<String, Set<String>> categoriesByWord) {
        this.categoriesByWord = categoriesByWord;
    }

    /** The English and French lists in {@code directory}, keeping only the given categories. */
    static HurtLex read(Path directory, Set<String> categories) {
        TextNormalizer normalizer = new TextNormalizer();
        Map<String, Set<String>> byWord = new HashMap<>();
        for (String file : List.of("hurtlex_EN.tsv", "hurtlex_FR.tsv")) {
            try {
                for (String line : Files.readAllLines(directory.resolve(file), StandardCharsets.UTF_8)) {
                    String[] columns = line.split("\t");
                    if (columns.length < 6 || !CONSERVATIVE.equals(columns[5]) || !categories.contains(columns[2])) {
                        continue;
                    }
                    List<String> tokens = normalizer.tokens(columns[4]);
                    if (tokens.size() == 1) {
                        byWord.computeIfAbsent(tokens.get(0), w -> new TreeSet<>()).add(columns[2]);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return new HurtLex(byWord);
    }

    /** Word to its list names ("hurtlex-ps"), for {@code FeatureExtractor}. */
    Function<String, List<String>> wordLists() {
        return word -> {
            Set<String> categories = categoriesByWord.get(word);
            return categories == null ? List.of() : categories.stream().map(c -> "hurtlex-" + c).toList();
        };
    }

    int size() {
        return categoriesByWord.size();
    }
}
