package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigil.classify.Category;
import org.vigil.classify.Classification;

/**
 * English: three threats (two flagged VIOLENT) and four clean rows (one flagged RACIST); French: one clean row,
 * unflagged.
 */
class QualityFiguresTest {

    private static final List<String> ALL = List.of("VIOLENT", "RACIST", "SEXIST");

    private final List<CorpusRecord> rows = new ArrayList<>();
    private final List<Classification> results = new ArrayList<>();

    @Test
    void countsTheCaughtPositivesBesideTheRecall() {
        build();

        Map<String, Double> figures = QualityFigures.of(rows, results);

        assertThat(figures.get("VIOLENT.en.positives")).isEqualTo(3.0);
        assertThat(figures.get("VIOLENT.en.truePositives")).isEqualTo(2.0);
        assertThat(figures.get("VIOLENT.en.recall")).isCloseTo(2.0 / 3, within(1e-9));
        assertThat(figures.get("RACIST.en.truePositives")).isZero();
    }

    @Test
    void putsDeLongsStandardErrorBesideTheRocAuc() {
        build();

        Map<String, Double> figures = QualityFigures.of(rows, results);

        // threats score 0.9, 0.9 and 0.1 against four clean rows at 0.1: shares 1, 1 and 1/2 (variance 1/12, over
        // three positives), every clean row 5/6 (variance 0)
        assertThat(figures.get("VIOLENT.en.rocAuc")).isCloseTo(5.0 / 6, within(1e-9));
        assertThat(figures.get("VIOLENT.en.rocAucSe")).isCloseTo(1.0 / 6, within(1e-9));
        assertThat(figures.get("VIOLENT.fr.rocAucSe")).isNaN();
    }

    @Test
    void countsTheCleanRowsThatGotAnyLabelBesideTheirShare() {
        build();

        Map<String, Double> figures = QualityFigures.of(rows, results);

        assertThat(figures.get("anyLabel.en.cleanRows")).isEqualTo(4.0);
        assertThat(figures.get("anyLabel.en.cleanRowsFlagged")).isEqualTo(1.0);
        assertThat(figures.get("anyLabel.en.cleanFlagged")).isEqualTo(0.25);
        assertThat(figures.get("anyLabel.fr.cleanRows")).isEqualTo(1.0);
        assertThat(figures.get("anyLabel.fr.cleanRowsFlagged")).isZero();
        assertThat(figures.get("anyLabel.all.cleanRows")).isEqualTo(5.0);
        assertThat(figures.get("anyLabel.all.cleanRowsFlagged")).isEqualTo(1.0);
    }

    private void build() {
        add("threat-1", "en", List.of("VIOLENT"), EnumSet.of(Category.VIOLENT));
        add("threat-2", "en", List.of("VIOLENT"), EnumSet.of(Category.VIOLENT));
        add("threat-3", "en", List.of("VIOLENT"), EnumSet.noneOf(Category.class));
        add("clean-1", "en", List.of(), EnumSet.of(Category.RACIST));
        for (int i = 2; i <= 4; i++) {
            add("clean-" + i, "en", List.of(), EnumSet.noneOf(Category.class));
        }
        add("clean-fr", "fr", List.of(), EnumSet.noneOf(Category.class));
    }

    private void add(String id, String lang, List<String> labels, Set<Category> flagged) {
        rows.add(new CorpusRecord("vigil-frozen:" + id, "vigil-frozen", lang, id, labels, ALL, Corpus.TEST,
                Map.of()));
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            scores.put(category, flagged.contains(category) ? 0.9 : 0.1);
        }
        results.add(new Classification(scores, flagged, lang, "test", Map.of()));
    }
}
