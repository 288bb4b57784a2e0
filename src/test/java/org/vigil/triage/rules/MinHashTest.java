package org.vigil.triage.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Near-identical texts have similar signatures; different texts do not. */
class MinHashTest {

    private static final String CAMPAIGN = "Traitor MP votes against our farmers again, resign now before we make you resign";

    @Test
    void nearIdenticalTextsAreSimilar() {
        double similarity = MinHash.similarity(MinHash.signature(CAMPAIGN),
                MinHash.signature("@JaneDoeMP traitor MP votes against our farmers again!!! resign now before we make you resign https://t.co/x"));

        assertThat(similarity).isGreaterThan(0.7);
    }

    @Test
    void differentTextsOnTheSameTopicAreNot() {
        double similarity = MinHash.similarity(MinHash.signature(CAMPAIGN),
                MinHash.signature("Why did the MP vote against the farmers bill? I would like an answer before the election"));

        assertThat(similarity).isLessThan(0.2);
    }

    @Test
    void anEmptyTextIsSimilarToNothing() {
        assertThat(MinHash.similarity(MinHash.signature(""), MinHash.signature(""))).isZero();
    }

    @Test
    void signaturesAreStableAcrossCalls() {
        assertThat(MinHash.signature(CAMPAIGN)).containsExactly(MinHash.signature(CAMPAIGN));
    }
}
