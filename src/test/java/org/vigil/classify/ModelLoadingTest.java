package org.vigil.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ModelLoadingTest {

    @Test
    void loadsTheSameModelsFromADirectoryAsFromTheClasspath() {
        ModelBundle fromDirectory = ModelBundle.fromDirectory(Path.of("models"));
        ModelBundle fromClasspath = ModelBundle.fromClasspath();
        assertThat(fromDirectory.manifest()).isEqualTo(fromClasspath.manifest());
        String[] features = new FeatureExtractor()
                .features(new TextNormalizer().tokens("they found the car park near your office"), "en");
        assertThat(fromDirectory.logOdds(features)).containsExactly(fromClasspath.logOdds(features));
    }

    @Test
    void shipsAManifestNamingAFileAndAThresholdForEveryCategory() {
        ModelManifest manifest = ModelBundle.fromClasspath().manifest();
        assertThat(manifest.files()).containsOnlyKeys(Category.values());
        assertThat(manifest.thresholds()).containsOnlyKeys(Category.values());
        assertThat(manifest.modelVersion()).isNotBlank();
    }

    @Test
    void honoursAConfiguredModelsDirectory() {
        ClassifierConfig config = new ClassifierConfig() {
            @Override
            public String modelsDirectory() {
                return "models";
            }

            @Override
            public ScoringMode scoring() {
                return ScoringMode.LEXICAL;
            }

            @Override
            public int explanationSize() {
                return 2;
            }
        };
        Classification result = new AbuseClassifier(config).classify("I will kill you 🔪", Optional.empty());
        assertThat(result.explanation().get(Category.VIOLENT)).hasSize(2);
    }
}
