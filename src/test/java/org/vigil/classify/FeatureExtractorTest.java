package org.vigil.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

    private final TextNormalizer normalizer = new TextNormalizer();
    private final FeatureExtractor extractor = new FeatureExtractor();

    private List<String> features(String text) {
        return List.of(extractor.features(normalizer.tokens(text), "en"));
    }

    @Test
    void countsAQuotedThreatBothAsItselfAndAsQuoted() {
        assertThat(features("Someone wrote 'we know where you live, I will kill you' under her post. Reported."))
                .contains("cp=kill_you", "qcp=kill_you", "c=kill", "qc=kill", "p=knowwhereyoulive",
                        "qp=knowwhereyoulive");
    }

    @Test
    void addsNoQuotedFeatureOutsideQuotationMarks() {
        assertThat(features("We know where you live and I will kill you \"soon\""))
                .contains("cp=kill_you", "c=kill", "p=knowwhereyoulive")
                .noneMatch(feature -> feature.startsWith("q"));
    }

    @Test
    void treatsAnUnclosedQuotationMarkAsNoQuotation() {
        assertThat(features("\"I will kill you and your family"))
                .contains("cp=kill_you")
                .noneMatch(feature -> feature.startsWith("q"));
    }

    @Test
    void pairsQuotationMarksInOrder() {
        assertThat(FeatureExtractor.quotedTokens(normalizer.tokens("a \"b c\" d \"e\" f \"g")))
                .containsExactly(false, false, true, true, false, false, false, true, false, false, false, false);
    }

    @Test
    void namesQuotedFeaturesForReviewers() {
        assertThat(FeatureNames.readable("qcp=kill_you")).isEqualTo("quoted [kill+you]");
        assertThat(FeatureNames.readable("qp=knowwhereyoulive")).isEqualTo("quoted pattern:knowwhereyoulive");
    }
}
