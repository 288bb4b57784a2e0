package org.vigil.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Behaviour of the shipped models on sentences written for these tests (not in the training data). */
class AbuseClassifierTest {

    private final AbuseClassifier classifier = ShippedModels.CLASSIFIER;

    private Classification classify(String text) {
        return classifier.classify(text, Optional.empty());
    }

    @Test
    void flagsThreatAgainstFamilyWithoutViolentWords() {
        assertThat(classify("Your children look happy at that school. Would be a shame if anything happened to them.")
                .labels()).contains(Category.VIOLENT);
    }

    @Test
    void flagsExplicitDeathThreat() {
        assertThat(classify("I am going to kill you when you leave the office").labels()).contains(Category.VIOLENT);
    }

    @Test
    void flagsObfuscatedThreatWithEmoji() {
        assertThat(classify("gonna k1ll u 🔪🔪").labels()).contains(Category.VIOLENT);
    }

    @Test
    void flagsFrenchThreat() {
        Classification result = classify("On sait où tu habites, fais gaffe à toi et à tes gosses.");
        assertThat(result.lang()).isEqualTo("fr");
        assertThat(result.labels()).contains(Category.VIOLENT);
    }

    @Test
    void flagsSexistSlurHiddenBySpacing() {
        assertThat(classify("shut up you s l u t").labels()).contains(Category.SEXIST);
    }

    @Test
    void flagsRacistDehumanisation() {
        assertThat(classify("These immigrants are vermin, send them all back").labels()).contains(Category.RACIST);
    }

    @Test
    void leavesHarshPoliticalCriticismUnflagged() {
        assertThat(classify("Resign, you incompetent liar. You have betrayed this town.").labels()).isEmpty();
        assertThat(classify("Démissionnez, vous avez menti à tous vos électeurs.").labels()).isEmpty();
    }

    @Test
    void leavesFigurativeViolentWordsUnflagged() {
        assertThat(classify("This budget will kill the high street.").labels()).doesNotContain(Category.VIOLENT);
    }

    @Test
    void doesNotFlagAGroupNameOnItsOwn() {
        assertThat(classify("Immigration").labels()).isEmpty();
    }

    @Test
    void labelsExactlyTheCategoriesAtOrAboveTheirShippedThreshold() {
        for (String text : new String[] {"They know where you park your car.", "Resign now.", "stupid women", "go back home"}) {
            Classification result = classify(text);
            for (Category category : Category.values()) {
                boolean above = result.scores().get(category) >= classifier.thresholds(result.lang()).get(category);
                assertThat(result.labels().contains(category)).as(text + " " + category).isEqualTo(above);
            }
        }
    }

    @Test
    void shipsThresholdsStrictlyBetweenZeroAndOneForEveryCategoryInEnglishAndFrench() {
        ModelManifest manifest = ModelBundle.fromClasspath().manifest();
        manifest.thresholds().values().forEach(threshold -> assertThat(threshold).isStrictlyBetween(0.0, 1.0));
        assertThat(manifest.languageThresholds()).containsOnlyKeys("en", "fr");
        manifest.languageThresholds().values().forEach(perCategory -> assertThat(perCategory)
                .containsOnlyKeys(Category.values()).allSatisfy((category, threshold) ->
                        assertThat(threshold).isStrictlyBetween(0.0, 1.0)));
    }

    @Test
    void usesALanguagesOwnThresholdAndTheDefaultForOtherLanguages() {
        ModelManifest manifest = new ModelManifest("v", "now", 1, "t", Map.of(),
                Map.of(Category.VIOLENT, 0.3, Category.RACIST, 0.3, Category.SEXIST, 0.3), "yes",
                Map.of("fr", Map.of(Category.VIOLENT, 0.6)));
        assertThat(manifest.threshold(Category.VIOLENT, "fr")).isEqualTo(0.6);
        assertThat(manifest.threshold(Category.RACIST, "fr")).isEqualTo(0.3);
        assertThat(manifest.threshold(Category.VIOLENT, "de")).isEqualTo(0.3);
    }

    @Test
    void scoresTextWithNoKnownWordLowRatherThanOneHalf() {
        Classification result = classify("zzqx vbnmw plokij");
        result.scores().values().forEach(score -> assertThat(score).isLessThan(0.2));
        assertThat(result.labels()).isEmpty();
    }

    @Test
    void reportsTheShippedModelVersion() {
        assertThat(classify("hello").modelVersion()).isEqualTo(classifier.modelVersion())
                .isEqualTo(ModelBundle.fromClasspath().manifest().modelVersion()).startsWith("abuse-");
    }
}
