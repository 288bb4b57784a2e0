package org.vigil.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ExplanationTest {

    private final AbuseClassifier classifier = ShippedModels.CLASSIFIER;

    @Test
    void namesThePhraseBehindAThreat() {
        List<Contribution> why = classifier.classify("We know where you live now, and where you park.", Optional.empty()).explanation()
                .get(Category.VIOLENT);
        assertThat(why).extracting(Contribution::feature)
                .anyMatch(feature -> feature.contains("know where") || feature.contains("knowwhereyoulive"));
    }

    @Test
    void namesTheDeobfuscatedSlur() {
        List<Contribution> why = classifier.classify("you b!tch", Optional.empty()).explanation()
                .get(Category.SEXIST);
        assertThat(why).extracting(Contribution::feature).anyMatch(feature -> feature.contains("bitch")
                || feature.contains("womenslur"));
    }

    @Test
    void listsOnlyPositiveWeightsStrongestFirstAndAtMostFive() {
        Classification result = classifier.classify(
                "I will kill you and your family, you stupid slut, go back to your country 🔪", Optional.empty());
        for (Category category : Category.values()) {
            List<Contribution> why = result.explanation().get(category);
            assertThat(why).hasSizeLessThanOrEqualTo(5);
            assertThat(why).allMatch(contribution -> contribution.weight() > 0);
            assertThat(why).extracting(Contribution::weight).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
        assertThat(result.explanation().get(Category.VIOLENT)).isNotEmpty();
    }

    @Test
    void explainsOnlyTheLabelsThatFired() {
        for (String text : new String[] {"I will kill you and your family, you stupid slut 🔪",
                "Thank you for opening the new library on Saturday.", "Tu vas le regretter"}) {
            Classification result = classifier.classify(text, Optional.empty());
            assertThat(result.labels().isEmpty()).as(text).isEqualTo(text.startsWith("Thank"));
            for (Category category : Category.values()) {
                assertThat(result.explanation().get(category).isEmpty()).as(text + " " + category)
                        .isEqualTo(!result.labels().contains(category));
            }
        }
    }

    @Test
    void neverExplainsWithTheBiasOrTheLanguage() {
        Classification result = classifier.classify("Tu vas le regretter, on connaît ta rue.", Optional.empty());
        assertThat(result.labels()).isNotEmpty();
        result.explanation().values().forEach(why -> assertThat(why).extracting(Contribution::feature)
                .noneMatch(feature -> feature.equals(FeatureExtractor.BIAS) || feature.startsWith("lang=")));
    }
}
