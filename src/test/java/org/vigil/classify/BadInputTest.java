package org.vigil.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Whatever arrives, the classifier answers with scores in [0, 1] and never throws. */
class BadInputTest {

    private final AbuseClassifier classifier = ShippedModels.CLASSIFIER;

    static String[] oddTexts() throws Exception {
        byte[] invalidUtf8 = {(byte) 0xC3, (byte) 0x28, 'k', 'i', 'l', 'l', (byte) 0xFF, (byte) 0xFE, (byte) 0xED,
            (byte) 0xA0, (byte) 0x80};
        String replaced = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(invalidUtf8)).toString();
        return new String[] {
            "",
            "   \n\t ",
            "😀😂🔥🔥💀",
            "https://example.org/a https://t.co/xyz www.example.com",
            "@a @b @c",
            replaced,
            "\uFFFD\uFFFD\uFFFD",
            "\uD83D", // a lone high surrogate
            "you مرحبا tu 你好 Привет שלום",
            "\u202Eevil text reversed\u202C \u200F",
            "מה שלום חבר הכנסת",
            "k".repeat(100_000),
            "kill ".repeat(20_000),
            "\u0000\u0001\u0007",
        };
    }

    @ParameterizedTest
    @MethodSource("oddTexts")
    void answersWithScoresInsteadOfThrowing(String text) {
        Classification result = classifier.classify(text, Optional.empty());
        assertThat(result.scores()).containsOnlyKeys(Category.values());
        result.scores().values().forEach(score -> assertThat(score).isBetween(0.0, 1.0));
        assertThat(result.lang()).isNotBlank();
        assertThat(result.explanation()).containsOnlyKeys(Category.values());
    }

    @Test
    void treatsNullTextAndNullHintAsEmpty() {
        Classification result = classifier.classify(null, null);
        assertThat(result.labels()).isEmpty();
    }

    @Test
    void scoresOnlyEmojiAndOnlyLinksAsClean() {
        assertThat(classifier.classify("😀😂🥰", Optional.empty()).labels()).isEmpty();
        assertThat(classifier.classify("https://example.org/x https://t.co/y", Optional.empty()).labels()).isEmpty();
    }

    /**
     * Filler after a threat neither averages it away (the embedding of the whole text) nor outweighs it (the words
     * of the rest): each sentence is also scored alone, in both stages, and the highest score counts.
     */
    @Test
    void aThreatAtTheStartOfAHugeTextKeepsItsLabel() {
        String threat = "I am going to kill you.";
        String text = threat + " " + "blah ".repeat(20_000);
        Classification alone = classifier.classify(threat, Optional.empty());
        Classification padded = classifier.classify(text, Optional.empty());
        assertThat(alone.labels()).contains(Category.VIOLENT);
        assertThat(padded.labels()).contains(Category.VIOLENT);
        assertThat(padded.scores().get(Category.VIOLENT)).isGreaterThanOrEqualTo(alone.scores().get(Category.VIOLENT));
    }
}
