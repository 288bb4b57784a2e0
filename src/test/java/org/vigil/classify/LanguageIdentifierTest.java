package org.vigil.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {

    private static final LanguageIdentifier IDENTIFIER = LanguageIdentifier.fromClasspath();

    @Test
    void detectsEnglish() {
        assertThat(IDENTIFIER.identify("You should resign after lying to parliament about the budget.",
                Optional.empty())).isEqualTo("en");
    }

    @Test
    void detectsFrench() {
        assertThat(IDENTIFIER.identify("Vous devriez démissionner après avoir menti à l'Assemblée sur le budget.",
                Optional.empty())).isEqualTo("fr");
    }

    @Test
    void detectsGermanAsItsOwnLanguage() {
        assertThat(IDENTIFIER.identify("Sie sollten nach dieser Lüge über den Haushalt sofort zurücktreten.",
                Optional.empty())).isEqualTo("de");
    }

    @Test
    void ignoresLinksAndHandlesWhenDetecting() {
        assertThat(IDENTIFIER.identify("@someone_english_name https://www.example.co.uk/the/news/today "
                + "Vous avez menti aux électeurs de la circonscription.", Optional.empty())).isEqualTo("fr");
    }

    @Test
    void honoursTheCallersHintInAnyCommonSpelling() {
        assertThat(IDENTIFIER.identify("This is plainly English text.", Optional.of("fr"))).isEqualTo("fr");
        assertThat(IDENTIFIER.identify("text", Optional.of("fr-CA"))).isEqualTo("fr");
        assertThat(IDENTIFIER.identify("text", Optional.of("FRA"))).isEqualTo("fr");
        assertThat(IDENTIFIER.identify("text", Optional.of("eng"))).isEqualTo("en");
    }

    @Test
    void ignoresABlankHint() {
        assertThat(IDENTIFIER.identify("Vous avez menti aux électeurs de la circonscription.", Optional.of(" ")))
                .isEqualTo("fr");
    }

    @Test
    void fallsBackToFunctionWordsForShortText() {
        assertThat(IDENTIFIER.identify("tu es vraiment nulle", Optional.empty())).isEqualTo("fr");
        assertThat(IDENTIFIER.identify("resign now", Optional.empty())).isEqualTo("en");
        assertThat(IDENTIFIER.identify("sale traîtresse", Optional.empty())).isEqualTo("fr");
    }
}
