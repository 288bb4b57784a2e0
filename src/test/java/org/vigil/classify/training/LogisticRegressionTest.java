package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.classify.training.LogisticRegression.Example;
import org.vigil.classify.training.LogisticRegression.Fit;

/** The semantic stage's offline pieces: the regression, the share choice's recall measure, the embedding cache. */
class LogisticRegressionTest {

    private static List<Example> examples(double weightOfFirst) {
        List<Example> examples = new ArrayList<>();
        for (int i = -10; i <= 10; i++) {
            float x = i / 10f;
            // the label follows the first coordinate, with two rows on the wrong side so the fit stays finite
            boolean positive = Math.abs(i) == 1 ? i < 0 : i > 0;
            examples.add(new Example(new float[] {x, 0.3f}, positive, examples.isEmpty() ? weightOfFirst : 1));
        }
        return examples;
    }

    @Test
    void learnsTheDirectionThatSeparatesTheClasses() {
        Fit fit = LogisticRegression.fit(examples(1), 0.01, null);
        assertThat(fit.weights()[0]).isGreaterThan(1);
        assertThat(fit.logOdds(new float[] {0.8f, 0.3f})).isPositive();
        assertThat(fit.logOdds(new float[] {-0.8f, 0.3f})).isNegative();
    }

    @Test
    void aRowOfWeightThreeCountsLikeThreeCopiesAndAWarmStartEndsAtTheSameFit() {
        List<Example> copies = new ArrayList<>(examples(1));
        copies.add(copies.get(0));
        copies.add(copies.get(0));
        Fit weighted = LogisticRegression.fit(examples(3), 0.5, null);
        Fit copied = LogisticRegression.fit(copies, 0.5, null);
        Fit warm = LogisticRegression.fit(examples(3), 0.5, copied);
        assertThat(weighted.weights()).containsExactly(copied.weights(), within(1e-6));
        assertThat(weighted.bias()).isCloseTo(copied.bias(), within(1e-6));
        assertThat(warm.weights()).containsExactly(weighted.weights(), within(1e-6));
    }

    @Test
    void strongerRegularisationGivesSmallerWeights() {
        assertThat(Math.abs(LogisticRegression.fit(examples(1), 10, null).weights()[0]))
                .isLessThan(Math.abs(LogisticRegression.fit(examples(1), 0.01, null).weights()[0]));
    }

    @Test
    void measuresRecallAboveTheHighestScoreThatKeepsCleanFlagsWithinBudget() {
        List<Double> clean = List.of(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0);
        List<Double> positives = List.of(0.75, 0.85, 0.95, 1.5);
        // a 10% budget lets the highest clean score (1.0) be flagged: the bar is the next one, 0.9
        assertThat(TrainSemanticStage.recallAtCleanBudget(positives, clean, 0.1)).isEqualTo(0.5);
        assertThat(TrainSemanticStage.recallAtCleanBudget(positives, clean, 0.0)).isEqualTo(0.25);
        assertThat(TrainSemanticStage.recallAtCleanBudget(List.of(), clean, 0.1)).isZero();
    }

    @Test
    void theEmbeddingCacheEmbedsATextOnceAndReadsItBackFromItsFile(@TempDir Path directory) throws Exception {
        List<String> texts = List.of("The surgery moves to the library on Thursdays.", "Bus route 12 is back.");
        Map<String, float[]> first = EmbeddingCache.open(directory).embed(texts);
        Path file;
        try (var files = Files.list(directory)) {
            file = files.findFirst().orElseThrow();
        }
        long size = Files.size(file);
        Map<String, float[]> again = EmbeddingCache.open(directory).embed(texts);
        assertThat(Files.size(file)).isEqualTo(size);
        for (String text : texts) {
            assertThat(again.get(text)).hasSize(384).containsExactly(first.get(text));
        }
    }
}
