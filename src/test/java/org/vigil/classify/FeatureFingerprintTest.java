package org.vigil.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Models record the feature code they were trained on, and a classifier refuses them under any other. */
class FeatureFingerprintTest {

    private static final LanguageIdentifier LANGUAGES = LanguageIdentifier.fromClasspath();

    @Test
    void theShippedModelsWereTrainedOnThisBuildsFeatures() {
        assertThat(ModelBundle.fromClasspath().manifest().featureFingerprint())
                .isEqualTo(FeatureFingerprint.ofThisBuild(LANGUAGES));
    }

    @Test
    void changesWhenTheFeaturesChange() {
        FeatureExtractor withAWordList = new FeatureExtractor(token -> List.of("extra"));
        assertThat(FeatureFingerprint.of(new TextNormalizer(), LANGUAGES, withAWordList))
                .hasSize(16).isNotEqualTo(FeatureFingerprint.ofThisBuild(LANGUAGES));
    }

    @Test
    void digestsEveryPatternAndConceptWordNotOnlyThoseTheProbesContain() {
        String patterns = AbusePatterns.definition();
        assertThat(patterns.lines()).hasSize(AbusePatterns.all().size());
        AbusePatterns.all().forEach(pattern -> assertThat(patterns).contains(pattern.name() + "\t")
                .contains(pattern.pattern().pattern()));
        assertThat(Concepts.definition()).contains("egorg=kill", "cercueil=die", "ethnicgroup");
    }

    @Test
    void aClassifierRefusesAModelTrainedOnOtherFeatures() {
        ModelBundle models = ModelBundle.of(manifestWithFingerprint("00000000deadbeef"),
                Map.of(Category.VIOLENT, Map.of(), Category.RACIST, Map.of(), Category.SEXIST, Map.of()));
        assertThatThrownBy(() -> new AbuseClassifier(models, LANGUAGES, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("00000000deadbeef").hasMessageContaining(FeatureFingerprint.ofThisBuild(LANGUAGES));
    }

    @Test
    void acceptsAModelTrainedOnTheseFeaturesOrOneThatRecordedNone() {
        Map<Category, Map<String, Double>> weights = Map.of(Category.VIOLENT, Map.of(FeatureExtractor.BIAS, -2.0),
                Category.RACIST, Map.of(), Category.SEXIST, Map.of());
        for (String fingerprint : new String[] {FeatureFingerprint.ofThisBuild(LANGUAGES), null}) {
            AbuseClassifier classifier = new AbuseClassifier(ModelBundle.of(manifestWithFingerprint(fingerprint),
                    weights), LANGUAGES, 0);
            assertThat(classifier.classify("a mention", Optional.empty()).scores().get(Category.VIOLENT))
                    .isBetween(0.11, 0.13);
        }
    }

    private static ModelManifest manifestWithFingerprint(String fingerprint) {
        return new ModelManifest("test", "now", 1, "test", Map.of(),
                Map.of(Category.VIOLENT, 0.5, Category.RACIST, 0.5, Category.SEXIST, 0.5), "yes", Map.of(), null,
                fingerprint);
    }
}
