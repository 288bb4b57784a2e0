package org.vigil.review;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskedTextTest {

    @Test
    void masksListedInsultsWhateverTheirCaseOrAccents() {
        assertThat(MaskedText.mask("Sale PUTE, t'es qu'une Enculée"))
                .isEqualTo("Sale P***, t'es qu'une E******");
    }

    @Test
    void leavesOrdinaryWordsAroundAnInsultReadable() {
        assertThat(MaskedText.mask("You never fix the roads, bastard, and the bus comes back late"))
                .isEqualTo("You never fix the roads, b******, and the bus comes back late");
    }

    @Test
    void keepsEverythingElseExactlyAsWritten() {
        String text = "<script>alert(1)</script> Please fix the potholes on Elm Street 😀";
        assertThat(MaskedText.mask(text)).isEqualTo(text);
    }
}
