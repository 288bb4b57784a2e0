package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vigil.classify.Category;

class CorpusTest {

    @Test
    void splitsRowsWithoutASplitByAStableHashOfTheirId() {
        assertThat(Corpus.bucket("davidson:0")).isEqualTo(Corpus.bucket("davidson:0")).isBetween(0, 99);
        long distinct = java.util.stream.IntStream.range(0, 1000).map(i -> Corpus.bucket("row:" + i)).distinct()
                .count();
        assertThat(distinct).isEqualTo(100);
    }

    @Test
    void keepsTheSourcesOwnTestSplitAndReadsAnnotations() throws URISyntaxException {
        Path fixture = Path.of(CorpusTest.class.getResource("/classify/fixture.jsonl").toURI());
        List<CorpusRecord> rows = Corpus.read(List.of(fixture));
        assertThat(rows).hasSize(24);
        assertThat(rows).allMatch(row -> List.of(Corpus.TRAIN, Corpus.DEV).contains(row.split()));
        CorpusRecord sexistOnly = rows.stream().filter(r -> r.id().equals("fixture:26")).findFirst().orElseThrow();
        assertThat(sexistOnly.annotates(Category.SEXIST)).isTrue();
        assertThat(sexistOnly.annotates(Category.RACIST)).isFalse();
    }
}
