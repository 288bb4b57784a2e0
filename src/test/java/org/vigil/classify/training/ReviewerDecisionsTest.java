package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vigil.classify.training.ReviewerDecisions.Exclusion;

/** Reviewers' decisions enter training as gold rows, never when they touch held-out or evaluation data. */
class ReviewerDecisionsTest {

    private static final List<String> ALL = List.of("VIOLENT", "RACIST", "SEXIST");

    @TempDir
    Path dir;

    @Test
    void readsAnExportedFileWithTheReviewersLabelsAsGoldAndTheRecordsLanguage() throws IOException {
        Path file = dir.resolve("decisions.jsonl");
        Files.writeString(file, """
                {"id":"vigil-review:1","source":"vigil-review","lang":"fr","text":"le pont des lilas sera repeint en vert pomme cet hiver","labels":["SEXIST"],"offensive":true,"annotated":["VIOLENT"],"split":null,"meta":{"decision":"CONFIRMED"}}
                {"id":"vigil-review:2","source":"vigil-review","lang":"en","text":"the lighthouse keeper counted seventeen gulls on the pier","labels":[],"offensive":false,"annotated":["VIOLENT","RACIST","SEXIST"],"split":null,"meta":{"decision":"DISMISSED"}}
                """);
        CorpusRecord corpusRow = new CorpusRecord("c1", "corpus", "en", "the orchard cider festival moved to the old barn",
                List.of(), ALL, Corpus.TRAIN, Map.of());

        List<CorpusRecord> train = ReviewerDecisions.addTo(List.of(corpusRow), file.toString(), 3, List.of(),
                List.of());

        assertThat(train).hasSize(1 + 2 * 3);
        CorpusRecord confirmed = train.get(1);
        assertThat(confirmed.source()).isEqualTo(ReviewerDecisions.SOURCE);
        assertThat(confirmed.lang()).isEqualTo("fr");
        assertThat(confirmed.labels()).containsExactly("SEXIST");
        assertThat(confirmed.annotated()).containsExactlyElementsOf(ALL);
        assertThat(confirmed.split()).isEqualTo(Corpus.TRAIN);
        assertThat(train.subList(1, 4)).allSatisfy(row -> assertThat(row.id()).isEqualTo("vigil-review:1"));
        assertThat(train.get(4).labels()).isEmpty();
    }

    @Test
    void noFileLeavesTrainingAsItWasAndDecisionsInsideTheCorpusAreIgnored() {
        CorpusRecord corpusRow = new CorpusRecord("c1", "corpus", "en", "the orchard cider festival moved to the old barn",
                List.of(), ALL, Corpus.TRAIN, Map.of());
        CorpusRecord stray = new CorpusRecord("vigil-review:9", ReviewerDecisions.SOURCE, "en",
                "a stray export row about the tram timetable being changed again", List.of(), ALL, Corpus.TRAIN,
                Map.of());

        assertThat(ReviewerDecisions.addTo(List.of(corpusRow, stray), "-", 5, List.of(), List.of()))
                .containsExactly(corpusRow);
    }

    @Test
    void keepsDecisionsAboutHeldOutAndEvaluationMentionsOut() {
        CorpusRecord heldOut = decision("h1", "en", "the violin workshop reopens on the harbour front next spring",
                List.of());
        CorpusRecord dev = decision("d1", "fr", "la chorale du village répète le jeudi dans la grange", List.of());
        CorpusRecord reworded = decision("r1", "en",
                "The violin workshop REOPENS on the harbour front, next spring!", List.of("VIOLENT"));
        CorpusRecord sameAsDev = decision("r2", "fr", "  La chorale du village répète le jeudi dans la grange ",
                List.of());
        CorpusRecord fresh = decision("r3", "en", "my neighbour builds kites out of old umbrellas", List.of());

        ReviewerDecisions.Selection selection = ReviewerDecisions.select(List.of(reworded, sameAsDev, fresh),
                List.of(heldOut), List.of(dev));

        assertThat(selection.used()).extracting(CorpusRecord::id).containsExactly("r3");
        assertThat(selection.excluded()).containsEntry(Exclusion.HELD_OUT, 1)
                .containsEntry(Exclusion.DEVELOPMENT_OR_TEST, 1);
        assertThat(selection.summary())
                .isEqualTo("reviewers' decisions: used 1, excluded 1 held out, excluded 1 development or test");
    }

    @Test
    void copiesOfEachOtherEnterOnceWhenTheyAgreeAndNotAtAllWhenTheyDisagree() {
        CorpusRecord first = decision("a1", "en", "the snow plough clears the mountain road before dawn",
                List.of("VIOLENT"));
        CorpusRecord copy = decision("a2", "en", "The snow plough clears the mountain road before dawn!!",
                List.of("VIOLENT"));
        CorpusRecord disputed = decision("b1", "en", "a parcel of seeds arrived for the allotment society",
                List.of("RACIST"));
        CorpusRecord disputedCopy = decision("b2", "en", "A parcel of seeds arrived for the allotment society.",
                List.of());
        CorpusRecord noLanguage = decision("c1", null, "the bakery sells rye bread only on fridays", List.of());

        ReviewerDecisions.Selection selection = ReviewerDecisions.select(
                List.of(first, disputed, copy, disputedCopy, noLanguage), List.of(), List.of());

        assertThat(selection.used()).extracting(CorpusRecord::id).containsExactly("a1");
        assertThat(selection.excluded()).containsEntry(Exclusion.DUPLICATE, 1)
                .containsEntry(Exclusion.CONFLICTING_DUPLICATES, 2)
                .containsEntry(Exclusion.NO_TEXT_OR_LANGUAGE, 1);
    }

    @Test
    void refusesAWeightBelowOne() {
        ReviewerDecisions.Selection selection = new ReviewerDecisions.Selection(List.of(), Map.of());
        assertThatThrownBy(() -> selection.weighted(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static CorpusRecord decision(String id, String lang, String text, List<String> labels) {
        return new CorpusRecord(id, ReviewerDecisions.SOURCE, lang, text, labels, ALL, null, Map.of());
    }
}
