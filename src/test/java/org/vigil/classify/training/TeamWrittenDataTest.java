package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.vigil.classify.Category;

/** The committed seed and held-out sets: well-formed, and the held-out set is never part of training. */
class TeamWrittenDataTest {

    private static final Path SEED = Path.of("training/seed");
    private static final Path HOLDOUT = Path.of("training/holdout");

    @Test
    void heldOutSentencesNeverAppearInTheSeedSet() {
        Set<String> seed = Corpus.read(List.of(SEED)).stream().map(r -> r.text().toLowerCase())
                .collect(Collectors.toSet());
        assertThat(Corpus.read(List.of(HOLDOUT))).extracting(r -> r.text().toLowerCase())
                .doesNotContainAnyElementsOf(seed);
    }

    @Test
    void heldOutRowsAreAllInTheTestSplitAndSeedRowsAreMarkedAsSeed() {
        assertThat(Corpus.read(List.of(HOLDOUT))).isNotEmpty().allMatch(r -> Corpus.TEST.equals(r.split()))
                .noneMatch(r -> TrainingSettings.SEED_SOURCE.equals(r.source()));
        assertThat(Corpus.read(List.of(SEED))).isNotEmpty()
                .allMatch(r -> TrainingSettings.SEED_SOURCE.equals(r.source()));
    }

    @Test
    void everyTeamWrittenRowAnnotatesAllCategoriesAndHasAKind() {
        for (CorpusRecord row : Corpus.read(List.of(SEED, HOLDOUT))) {
            for (Category category : Category.values()) {
                assertThat(row.annotates(category)).as(row.id()).isTrue();
            }
            assertThat(row.kind()).as(row.id()).isNotEmpty();
            assertThat(row.labels()).as(row.id()).allMatch(label -> Set.of("VIOLENT", "RACIST", "SEXIST")
                    .contains(label));
        }
    }
}
