package org.vigil.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The semantic stage: its shipped weights, the fusion arithmetic, the cascade band and the scoring modes. */
class SemanticStageTest {

    private static final Map<Category, Double> THIRD = Map.of(Category.VIOLENT, 1.0 / 3, Category.RACIST, 1.0 / 3,
            Category.SEXIST, 1.0 / 3);

    private final AbuseClassifier fused = ShippedModels.CLASSIFIER;
    private final AbuseClassifier lexical = AbuseClassifier.withShippedModels(ScoringMode.LEXICAL);

    @Test
    void theShippedModelVersionHasASemanticStageLoadedAlikeFromTheJarAndFromADirectory() {
        ModelBundle fromClasspath = ModelBundle.fromClasspath();
        ModelBundle fromDirectory = ModelBundle.fromDirectory(Path.of("models"));
        assertThat(fromClasspath.manifest().semantic()).isEqualTo("semantic.json");
        SemanticModel jar = fromClasspath.semantic().orElseThrow();
        SemanticModel directory = fromDirectory.semantic().orElseThrow();
        assertThat(jar.embeddingModel()).isEqualTo(SentenceEmbedder.MODEL_NAME);
        assertThat(directory.thresholds()).isEqualTo(jar.thresholds());
        float[] vector = SentenceEmbedder.shared().embed("Parliament sits again on Tuesday after the recess.");
        assertThat(vector).hasSize(384);
        assertThat(directory.semanticLogOdds(vector)).containsExactly(jar.semanticLogOdds(vector));
        for (Category category : Category.values()) {
            assertThat(jar.categories().get(category).weights()).hasSize(384);
            assertThat(jar.categories().get(category).lexicalSd()).isPositive();
            assertThat(jar.categories().get(category).semanticSd()).isPositive();
        }
    }

    @Test
    void aModelDirectoryWithoutASemanticStageLoadsAndScoresLexically(@TempDir Path directory) throws Exception {
        ModelManifest shipped = ModelBundle.fromClasspath().manifest();
        for (String file : shipped.files().values()) {
            Files.copy(Path.of("models", file), directory.resolve(file));
        }
        new ObjectMapper().writeValue(directory.resolve(ModelManifest.FILE_NAME).toFile(),
                shipped.withSemantic("lexical-only", null));
        ModelBundle lexicalOnly = ModelBundle.fromDirectory(directory);
        assertThat(lexicalOnly.semantic()).isEmpty();
        String text = "see you at the surgery on Friday, bring the petition";
        assertThat(new AbuseClassifier(lexicalOnly, LanguageIdentifier.fromClasspath(), 3)
                .classify(text, Optional.empty()).scores())
                .isEqualTo(lexical.classify(text, Optional.empty()).scores());
    }

    @Test
    void embeddingsAreUnitLengthAndTheSameForTheSameText() {
        SentenceEmbedder embedder = SentenceEmbedder.shared();
        float[] first = embedder.embed("The committee will publish its report in spring.");
        float[] again = embedder.embed("The committee will publish its report in spring.");
        assertThat(again).containsExactly(first);
        double norm = 0;
        for (float v : first) {
            norm += v * v;
        }
        assertThat(Math.sqrt(norm)).isCloseTo(1.0, within(1e-3));
        assertThat(embedder.embed("")).hasSize(384);
        assertThat(embedder.embed("word ".repeat(2_000))).hasSize(384);
    }

    @Test
    void fusesTheAverageOfBothZScoresBackOnTheLexicalScale() {
        SemanticModel model = synthetic(1.0);
        double[] fusedLogOdds = model.fuse(new double[] {0, -2, 2}, new double[] {4, 0, -4});
        // VIOLENT: zLex (0+2)/2 = 1, zSem 4/4 = 1 -> -2 + 2 * 1 = 0
        // RACIST: zLex 0, zSem 0 -> -2
        // SEXIST: zLex 2, zSem -1 -> -2 + 2 * 0.5 = -1
        assertThat(fusedLogOdds).containsExactly(new double[] {0, -2, -1}, within(1e-12));
    }

    @Test
    void aRaiseOnlyCategoryKeepsTheLexicalLogOddsWhereTheSemanticStageWouldLowerThem() {
        SemanticModel model = synthetic(1.0, true);
        // VIOLENT raise-only: averaged -2 + 2 * (2 + -1) / 2 = -1 is below the lexical 2, so 2 stands
        // RACIST and SEXIST are averaged as before: the same inputs give -1
        assertThat(model.fuse(new double[] {2, 2, 2}, new double[] {-4, -4, -4}))
                .containsExactly(new double[] {2, -1, -1}, within(1e-12));
        // where the semantic stage raises, the average stands: zLex 0, zSem 2 -> -2 + 2 * 1 = 0
        assertThat(model.fuse(new double[] {-2, -2, -2}, new double[] {8, 8, 8}))
                .containsExactly(new double[] {0, 0, 0}, within(1e-12));
    }

    @Test
    void weightsWrittenBeforeRaiseOnlyExistedLoadAsAveraging() throws Exception {
        String json = "{\"weights\":[0.5],\"bias\":0,\"lexicalMean\":-2,\"lexicalSd\":2,\"semanticMean\":0,"
                + "\"semanticSd\":4,\"semanticShare\":0.5}";
        SemanticModel.CategoryWeights weights = new ObjectMapper().readValue(json,
                SemanticModel.CategoryWeights.class);
        assertThat(weights.raiseOnly()).isFalse();
        assertThat(weights.fuse(2, -4)).isEqualTo(-1, within(1e-12));
    }

    @Test
    void theCascadeRunsTheSemanticStageOnlyNearAThreshold() {
        SemanticModel model = synthetic(1.0);
        double thresholdLogOdds = Math.log(0.5); // logit(1/3)
        double sd = 2.0;
        assertThat(model.uncertain(new double[] {thresholdLogOdds + 0.9 * sd, -20, -20}, "en")).isTrue();
        assertThat(model.uncertain(new double[] {-20, -20, thresholdLogOdds - 0.9 * sd}, "en")).isTrue();
        assertThat(model.uncertain(new double[] {thresholdLogOdds + 1.1 * sd, -20, -20}, "en")).isFalse();
        assertThat(model.uncertain(new double[] {-20, -20, -20}, "en")).isFalse();
        assertThat(synthetic(0).uncertain(new double[] {thresholdLogOdds + 0.01, -20, -20}, "en")).isFalse();
    }

    @Test
    void theCascadeKeepsTheLexicalScoreOutsideItsBandAndTheFusedScoreInsideIt() {
        ModelBundle shipped = ModelBundle.fromClasspath();
        ModelBundle noBand = withBand(shipped, 0);
        ModelBundle everything = withBand(shipped, 1_000);
        LanguageIdentifier languages = LanguageIdentifier.fromClasspath();
        String text = "Will the new bypass be finished before the winter?";
        Classification cascadeNever = new AbuseClassifier(noBand, languages, new FeatureExtractor(), 5,
                ScoringMode.CASCADE).classify(text, Optional.empty());
        Classification cascadeAlways = new AbuseClassifier(everything, languages, new FeatureExtractor(), 5,
                ScoringMode.CASCADE).classify(text, Optional.empty());
        assertThat(cascadeNever.scores()).isEqualTo(lexical.classify(text, Optional.empty()).scores());
        assertThat(cascadeAlways.scores()).isEqualTo(fused.classify(text, Optional.empty()).scores());
        assertThat(cascadeAlways.scores()).isNotEqualTo(cascadeNever.scores());
    }

    @Test
    void lexicalModeUsesTheLexicalThresholdsAndFusedModeTheFusedOnes() {
        ModelBundle shipped = ModelBundle.fromClasspath();
        SemanticModel semantic = shipped.semantic().orElseThrow();
        for (String lang : List.of("en", "fr", "de")) {
            for (Category category : Category.values()) {
                assertThat(lexical.thresholds(lang).get(category)).isEqualTo(shipped.threshold(category, lang));
                assertThat(fused.thresholds(lang).get(category)).isEqualTo(semantic.threshold(category, lang));
            }
        }
    }

    @Test
    void explainsAFiredLabelByItsLexicalFeaturesAndAtMostOneSemanticEntry() {
        for (String text : List.of("I'll be waiting outside your constituency office with a blade tonight",
                "get back in the kitchen where you belong, nobody voted for a woman", "Lovely turnout at the fete!")) {
            Classification result = fused.classify(text, Optional.empty());
            for (Category category : Category.values()) {
                List<Contribution> explanation = result.explanation().get(category);
                if (!result.labels().contains(category)) {
                    assertThat(explanation).as(text + " " + category).isEmpty();
                    continue;
                }
                assertThat(explanation.stream().filter(c -> c.feature().equals(AbuseClassifier.SEMANTIC_CONTRIBUTION)))
                        .hasSizeLessThanOrEqualTo(1);
                assertThat(explanation).allSatisfy(c -> assertThat(c.weight()).isPositive());
            }
        }
    }

    @Test
    void theStoredModelVersionSaysWhichModeScored() {
        String version = ModelBundle.fromClasspath().manifest().modelVersion();
        assertThat(fused.modelVersion()).isEqualTo(version);
        assertThat(lexical.modelVersion()).isEqualTo(version + "+lexical");
        assertThat(AbuseClassifier.withShippedModels(ScoringMode.CASCADE).modelVersion())
                .isEqualTo(version + "+cascade");
        assertThat(lexical.classify("The ward meeting is on Monday.", Optional.empty()).modelVersion())
                .isEqualTo(version + "+lexical");
    }

    @Test
    void theConfiguredDefaultIsTheFusedMode() throws Exception {
        assertThat(ClassifierConfig.class.getMethod("scoring").getAnnotation(WithDefault.class).value())
                .isEqualTo("fused");
        assertThat(ScoringMode.valueOf("fused".toUpperCase())).isEqualTo(ScoringMode.FUSED);
    }

    @Test
    void refusesASemanticStageTrainedOnAnotherEmbeddingModelUnlessItRunsLexically() {
        ModelBundle shipped = ModelBundle.fromClasspath();
        SemanticModel s = shipped.semantic().orElseThrow();
        ModelBundle onOtherEmbeddings = shipped.withSemantic(shipped.manifest(), new SemanticModel(
                "all-minilm-l6-v2-q", s.categories(), s.thresholds(), s.languageThresholds(), s.cascadeBand()));
        LanguageIdentifier languages = LanguageIdentifier.fromClasspath();
        assertThatThrownBy(() -> new AbuseClassifier(onOtherEmbeddings, languages, 0))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("all-minilm-l6-v2-q")
                .hasMessageContaining(SentenceEmbedder.MODEL_NAME);
        AbuseClassifier lexicalOnly = new AbuseClassifier(onOtherEmbeddings, languages, new FeatureExtractor(), 0,
                ScoringMode.LEXICAL);
        assertThat(lexicalOnly.classify("Parliament sits again on Tuesday.", Optional.empty()).labels()).isEmpty();
    }

    private static ModelBundle withBand(ModelBundle bundle, double band) {
        SemanticModel s = bundle.semantic().orElseThrow();
        return bundle.withSemantic(bundle.manifest(),
                new SemanticModel(s.embeddingModel(), s.categories(), s.thresholds(), s.languageThresholds(), band));
    }

    /** Lexical mean -2 and sd 2, semantic mean 0 and sd 4, plain average, fused thresholds 1/3, in every category. */
    private static SemanticModel synthetic(double band) {
        return synthetic(band, false);
    }

    /** As above; VIOLENT raise-only if asked. */
    private static SemanticModel synthetic(double band, boolean raiseViolentOnly) {
        Map<Category, SemanticModel.CategoryWeights> weights = new EnumMap<>(Category.class);
        for (Category category : Category.values()) {
            weights.put(category, new SemanticModel.CategoryWeights(new float[384], 0, -2, 2, 0, 4, 0.5,
                    category == Category.VIOLENT && raiseViolentOnly));
        }
        return new SemanticModel(SentenceEmbedder.MODEL_NAME, weights, THIRD, Map.of(), band);
    }
}
