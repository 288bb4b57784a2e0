package org.vigil.classify.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import opennlp.tools.ml.model.AbstractModel;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vigil.classify.AbuseClassifier;
import org.vigil.classify.Category;
import org.vigil.classify.Classification;
import org.vigil.classify.LanguageIdentifier;
import org.vigil.classify.MaxentModelFiles;
import org.vigil.classify.ModelBundle;
import org.vigil.classify.ModelManifest;

/** Trains on a tiny fixture of its own (src/test/resources/classify/fixture.jsonl), never on ../shared. */
class ModelTrainerTest {

    private static final TrainingSettings SMALL = new TrainingSettings(100, 1, 0.0, 0.1, 1, 1);
    private static List<CorpusRecord> rows;
    private static Map<Category, AbstractModel> models;
    private static ModelTrainer trainer;

    @BeforeAll
    static void train() throws URISyntaxException {
        Path fixture = Path.of(ModelTrainerTest.class.getResource("/classify/fixture.jsonl").toURI());
        rows = Corpus.read(List.of(fixture));
        trainer = new ModelTrainer(SMALL);
        models = trainer.train(rows);
    }

    private static Map<Category, Map<String, Double>> weights() {
        Map<Category, Map<String, Double>> weights = new EnumMap<>(Category.class);
        models.forEach((category, model) ->
                weights.put(category, MaxentModelFiles.logOddsWeights(model, ModelTrainer.POSITIVE)));
        return weights;
    }

    private static AbuseClassifier classifier() {
        ModelManifest manifest = new ModelManifest("test", "now", 1, "test", Map.of(),
                Map.of(Category.VIOLENT, 0.5, Category.RACIST, 0.5, Category.SEXIST, 0.5), ModelTrainer.POSITIVE,
                Map.of());
        return new AbuseClassifier(ModelBundle.of(manifest, weights()), LanguageIdentifier.fromClasspath(), 3);
    }

    @Test
    void learnsEachCategoryFromTheFixture() {
        AbuseClassifier classifier = classifier();
        Classification threat = classifier.classify("they will hurt you", Optional.of("en"));
        Classification sexist = classifier.classify("stupid women", Optional.of("en"));
        Classification clean = classifier.classify("thank you for the speech", Optional.of("en"));
        assertThat(threat.scores().get(Category.VIOLENT)).isGreaterThan(clean.scores().get(Category.VIOLENT));
        assertThat(sexist.scores().get(Category.SEXIST)).isGreaterThan(clean.scores().get(Category.SEXIST));
        assertThat(threat.labels()).contains(Category.VIOLENT);
    }

    @Test
    void learnsACategoryOnlyFromRowsThatAnnotateIt() {
        // "racistword" is in one RACIST row and in two rows that say nothing about RACIST: those two must not
        // count as clean examples, so the word must come out as evidence for RACIST.
        assertThat(weights().get(Category.RACIST).get("w=racistword")).isPositive();
    }

    @Test
    void scoresExactlyAsOpenNlpEvaluatesTheSameModel() {
        Map<Category, Map<String, Double>> weights = weights();
        for (CorpusRecord row : rows) {
            String[] features = trainer.featuresOf(row);
            for (Category category : Category.values()) {
                AbstractModel model = models.get(category);
                double openNlp = model.eval(features)[model.getIndex(ModelTrainer.POSITIVE)];
                double logOdds = 0;
                for (String feature : features) {
                    logOdds += weights.get(category).getOrDefault(feature, 0.0);
                }
                assertThat(1 / (1 + Math.exp(-logOdds))).isCloseTo(openNlp, within(1e-9));
            }
        }
    }

    @Test
    void writesAndReadsModelFilesWithoutChangingThem() throws Exception {
        AbstractModel model = models.get(Category.VIOLENT);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MaxentModelFiles.write(model, bytes);
        AbstractModel read = MaxentModelFiles.read(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(MaxentModelFiles.logOddsWeights(read, ModelTrainer.POSITIVE))
                .isEqualTo(MaxentModelFiles.logOddsWeights(model, ModelTrainer.POSITIVE));
    }

    @Test
    void trainsTheSameModelTwice() {
        Map<Category, AbstractModel> again = new ModelTrainer(SMALL).train(rows);
        for (Category category : Category.values()) {
            assertThat(MaxentModelFiles.logOddsWeights(again.get(category), ModelTrainer.POSITIVE))
                    .isEqualTo(MaxentModelFiles.logOddsWeights(models.get(category), ModelTrainer.POSITIVE));
        }
    }
}
