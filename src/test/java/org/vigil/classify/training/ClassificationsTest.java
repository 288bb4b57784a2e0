package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.Classification;

/** Scoring rows on every core gives each row the classification it gets alone, in row order. */
class ClassificationsTest {

    @Test
    void parallelScoringKeepsRowOrderAndMatchesScoringOneByOne() {
        AbuseClassifier classifier = AbuseClassifier.withShippedModels();
        List<CorpusRecord> rows = Corpus.read(List.of(Path.of("training/seed/seed_en.jsonl"),
                Path.of("training/seed/seed_fr.jsonl"))).stream().limit(200).toList();

        List<Classification> parallel = Classifications.of(classifier, rows);

        List<Classification> oneByOne = rows.stream()
                .map(row -> classifier.classify(row.text(), Optional.empty())).toList();
        assertThat(parallel).hasSize(rows.size()).containsExactlyElementsOf(oneByOne);
        assertThat(parallel.stream().map(Classification::labels).distinct().count()).isGreaterThan(1);
    }
}
