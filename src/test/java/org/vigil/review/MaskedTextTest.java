package org.vigil.review;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedTextTest {

    @Test
    void masksListedInsultsWhateverTheirCaseOrAccents() {
        assertThat(MaskedText.mask("Sale PUTE, t'es qu'une Enculée", List.of()))
                .isEqualTo("Sale P***, t'es qu'une E******");
    }

    @Test
    void masksWordsAndStemsTheClassifierNamed() {
        assertThat(MaskedText.mask("Invaders and invasion everywhere", List.of("invad*", "everywhere")))
                .isEqualTo("I******* and invasion e*********");
    }

    @Test
    void leavesPhrasesConceptsAndPatternsAlone() {
        assertThat(MaskedText.mask("see you at the surgery tonight", List.of("see you", "[threat]", "pattern:doxx")))
                .isEqualTo("see you at the surgery tonight");
    }

    @Test
    void keepsEverythingElseExactlyAsWritten() {
        String text = "<script>alert(1)</script> Please fix the potholes on Elm Street 😀";
        assertThat(MaskedText.mask(text, List.of())).isEqualTo(text);
    }
}
