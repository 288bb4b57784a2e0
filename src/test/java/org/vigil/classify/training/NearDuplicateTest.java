package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Nothing the model learns from, is tuned on or is tested with may be a near-copy of a frozen held-out sentence,
 * and tests may not check the model on sentences it was trained on (that measures memory, not behaviour).
 */
class NearDuplicateTest {

    /** Training rows and development rows. */
    private static final List<Path> TEAM_TRAINING = List.of(Path.of("training/seed"), Path.of("training/dev"));
    private static final List<Path> TEST_SOURCES = List.of(Path.of("src/test/java"));
    private static final Pattern STRING_LITERAL = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    /** Literals with fewer word pairs (a word, "s l u t" once normalised) are normaliser inputs, not sentences. */
    private static final int MIN_WORD_PAIRS = 3;

    @Test
    void noTeamWrittenTrainingOrDevelopmentRowNearlyCopiesAFrozenRow() {
        assertThat(NearDuplicates.between(texts(TEAM_TRAINING), texts(List.of(FrozenHeldOutSetTest.HOLDOUT))))
                .isEmpty();
    }

    @Test
    void noTestLiteralNearlyCopiesAFrozenRow() {
        assertThat(NearDuplicates.between(testLiterals(), texts(List.of(FrozenHeldOutSetTest.HOLDOUT)))).isEmpty();
    }

    @Test
    void noTestLiteralNearlyCopiesATrainingOrDevelopmentRow() {
        assertThat(NearDuplicates.between(testLiterals(), texts(TEAM_TRAINING))).isEmpty();
    }

    @Test
    void findsARewordedCopyDespiteCasePunctuationAndLeetspeak() {
        List<NearDuplicates.Pair> pairs = NearDuplicates.between(
                List.of("The ferry to the island leaves at NOON, every single day!!"),
                List.of("the ferry to the island leaves at noon every single day", "Ferries are slow."));
        assertThat(pairs).singleElement().satisfies(p -> assertThat(p.jaccard()).isEqualTo(1.0));
        assertThat(NearDuplicates.jaccard("we saw the c4t on the roof", "we saw the cat on the roof")).isEqualTo(1.0);
    }

    @Test
    void keepsSentencesThatShareOnlyAFewWordPairsApart() {
        // 3 shared word pairs of 11 distinct: 0.27
        assertThat(NearDuplicates.jaccard("the ferry to the island leaves at noon",
                "the ferry to the mainland is always late")).isLessThan(NearDuplicates.LIMIT);
        assertThat(NearDuplicates.between(List.of("the ferry to the island leaves at noon"),
                List.of("the ferry to the mainland is always late"))).isEmpty();
    }

    @Test
    void trainingDropsCorpusRowsThatNearlyCopyAFrozenRow() {
        CorpusRecord frozen = row("f1", "the ferry to the island leaves at noon every day");
        CorpusRecord copy = row("c1", "The ferry to the island leaves at noon, every day!");
        CorpusRecord other = row("c2", "the ferry to the mainland is always late");
        assertThat(TrainModels.withoutNearCopiesOf(List.of(frozen), List.of(copy, other))).containsExactly(other);
    }

    private static CorpusRecord row(String id, String text) {
        return new CorpusRecord(id, "test", "en", text, List.of(), List.of("VIOLENT"), Corpus.TRAIN, Map.of());
    }

    private static List<String> texts(List<Path> paths) {
        return Corpus.read(paths).stream().map(CorpusRecord::text).toList();
    }

    static List<String> testLiterals() {
        List<String> literals = new ArrayList<>();
        for (Path root : TEST_SOURCES) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher m = STRING_LITERAL.matcher(Files.readString(file));
                    while (m.find()) {
                        String literal = m.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
                        if (NearDuplicates.shingles(literal).size() >= MIN_WORD_PAIRS) {
                            literals.add(literal);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return literals;
    }
}
