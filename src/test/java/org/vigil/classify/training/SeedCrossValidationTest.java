package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Folds hold whole sets, so no seed row is scored by a model that learned rows written from the same brief. */
class SeedCrossValidationTest {

    private static final List<String> ALL = List.of("VIOLENT", "RACIST", "SEXIST");

    @Test
    void namesTheSetEachSeedRowWasWrittenFor() {
        assertThat(SeedCrossValidation.writtenFor("vigil-seed:frozen-v41-threat-en-012")).isEqualTo("frozen-v41");
        assertThat(SeedCrossValidation.writtenFor("vigil-seed:r10-racist-fr-003")).isEqualTo("r10");
        assertThat(SeedCrossValidation.writtenFor("vigil-seed:round33-other-other-hate-mp-en-a000"))
                .isEqualTo("round33");
        assertThat(SeedCrossValidation.writtenFor("vigil-seed:threat-en-000")).isEqualTo("seed");
        assertThat(SeedCrossValidation.writtenFor("vigil-seed:retired-frozen-v41-x")).isEqualTo("seed");
    }

    @Test
    void putsEveryRowOfASetInOneFoldAndNeverAFoldForCorpusOrDevRows() {
        List<CorpusRecord> set = IntStream.range(0, 40).mapToObj(i -> seed("vigil-seed:frozen-v52-threat-en-" + i))
                .toList();

        Set<Integer> folds = set.stream().map(SeedCrossValidationTest::foldOf).collect(Collectors.toSet());

        assertThat(folds).hasSize(1);
        assertThat(foldOf(new CorpusRecord("edos:1", "edos", "en", "x", List.of(), ALL, "train", Map.of())))
                .isEqualTo(-1);
        assertThat(foldOf(new CorpusRecord("vigil-dev:threat-en-000", TrainingSettings.DEV_SOURCE, "en", "x",
                List.of(), ALL, "dev", Map.of()))).isEqualTo(-1);
    }

    @Test
    void spreadsTheTeamWrittenSetsOverEveryFold() {
        List<CorpusRecord> seed = Corpus.read(List.of(Path.of("training/seed")));

        Map<Integer, Long> rowsByFold = seed.stream().collect(Collectors.groupingBy(
                SeedCrossValidationTest::foldOf, Collectors.counting()));

        assertThat(rowsByFold.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3);
        rowsByFold.values().forEach(rows -> assertThat(rows).isGreaterThan(seed.size() / 8));
    }

    private static int foldOf(CorpusRecord row) {
        return IntStream.range(0, SeedCrossValidation.FOLDS).filter(f -> SeedCrossValidation.isSeedInFold(row, f))
                .findFirst().orElse(-1);
    }

    private static CorpusRecord seed(String id) {
        return new CorpusRecord(id, TrainingSettings.SEED_SOURCE, "en", id, List.of("VIOLENT"), ALL, null,
                Map.of());
    }
}
