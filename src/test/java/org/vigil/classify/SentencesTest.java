package org.vigil.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void aMentionOfOneSentenceHasNoneToScoreAlone() {
        assertThat(Sentences.of("Please fix the streetlight on Mill Lane")).isEmpty();
        assertThat(Sentences.of("Please fix the streetlight on Mill Lane. Ok")).isEmpty();
        assertThat(Sentences.of("")).isEmpty();
    }

    @Test
    void splitsAtSentenceEndsAndLineBreaksAndLeavesOneWordFragmentsToTheWholeText() {
        assertThat(Sentences.of("The vote is tonight! Are you coming?\nSee you there… Thanks."))
                .containsExactly("The vote is tonight!", "Are you coming?", "See you there…");
    }

    @Test
    void takesAtMostFourSentencesFromTheFirstTwoThousandCharacters() {
        assertThat(Sentences.of("Number one here. Number two here. Number three here. Number four here. "
                + "Number five here.")).hasSize(Sentences.MAX_SENTENCES).last().isEqualTo("Number four here.");
        String late = "x".repeat(Sentences.MAX_CHARS) + ". A late sentence here.";
        assertThat(Sentences.of("An early sentence. Another early one. " + late))
                .containsExactly("An early sentence.", "Another early one.");
    }
}
