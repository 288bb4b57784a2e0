package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.vigil.classify.Category;

/** The committed team-written sets are well-formed, and only the seed set can ever reach training. */
class TeamWrittenDataTest {

    private static final Path SEED = Path.of("training/seed");
    private static final Path DEV = Path.of("training/dev");
    private static final Path HOLDOUT = FrozenHeldOutSetTest.HOLDOUT;

    @Test
    void onlySeedRowsAreMarkedAsSeedAndDevelopmentAndHeldOutRowsStayOutOfTheTrainSplit() {
        assertThat(Corpus.read(List.of(SEED))).isNotEmpty()
                .allMatch(r -> TrainingSettings.SEED_SOURCE.equals(r.source()));
        assertThat(Corpus.read(List.of(DEV))).isNotEmpty().allMatch(r -> Corpus.DEV.equals(r.split()))
                .noneMatch(r -> TrainingSettings.SEED_SOURCE.equals(r.source()));
        assertThat(Corpus.read(List.of(HOLDOUT))).isNotEmpty().allMatch(r -> Corpus.TEST.equals(r.split()))
                .noneMatch(r -> TrainingSettings.SEED_SOURCE.equals(r.source()));
    }

    @Test
    void everyTeamWrittenRowAnnotatesAllCategoriesAndHasAKind() {
        for (CorpusRecord row : Corpus.read(List.of(SEED, DEV, HOLDOUT))) {
            for (Category category : Category.values()) {
                assertThat(row.annotates(category)).as(row.id()).isTrue();
            }
            assertThat(row.kind()).as(row.id()).isNotEmpty();
            assertThat(row.labels()).as(row.id()).allMatch(label -> Set.of("VIOLENT", "RACIST", "SEXIST")
                    .contains(label));
        }
    }
}
