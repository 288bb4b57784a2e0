package org.vigil.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    @Test
    void replacesLinksAndHandlesWithPlaceholderTokens() {
        assertThat(normalizer.tokens("@JaneDoeMP see https://example.org/a?b=c and www.x.com [URL] [USER]"))
                .containsExactly("xuser", "see", "xurl", "and", "xurl", "xurl", "xuser");
    }

    @Test
    void marksDoubleQuotationMarksButNotApostrophes() {
        assertThat(normalizer.tokens("he wrote \"die\", she wrote «va-t'en» and “no”"))
                .containsExactly("he", "wrote", "xquote", "die", "xquote", "she", "wrote", "xquote", "va", "t", "en",
                        "xquote", "and", "xquote", "no", "xquote");
    }

    @Test
    void marksSingleQuotationMarksOnlyInPairsAroundWords() {
        assertThat(normalizer.tokens("they wrote 'you're not from here' and 'go home'. Students' union's view"))
                .containsExactly("they", "wrote", "xquote", "you", "re", "not", "from", "here", "xquote", "and",
                        "xquote", "go", "home", "xquote", "students", "union", "s", "view");
        assertThat(normalizer.tokens("l'adresse d'un élu, c'est 'chez lui' ‘ok’")).containsExactly("l", "adresse",
                "d", "un", "elu", "c", "est", "xquote", "chez", "lui", "xquote", "xquote", "ok", "xquote");
        assertThat(normalizer.tokens("'cause I'm coming")).containsExactly("cause", "i", "m", "coming");
    }

    @Test
    void findsLinksHandlesAndQuotesWhateverTheirCaseOrPosition() {
        assertThat(normalizer.tokens("WWW.Example.org [url] ftp://host 'at the start' (‘after a bracket’) 4'5")).containsExactly(
                "xurl", "xurl", "ftp", "host", "xquote", "at", "the", "start", "xquote", "xquote", "after", "a",
                "bracket", "xquote", "4", "5");
        assertThat(TextNormalizer.withoutLinksAndHandles("Hi @Jane, see HTTPS://x.org or www.y.fr")).isEqualTo(
                "Hi  , see   or  ");
        assertThat(normalizer.tokens("it's plain text, no link")).containsExactly("it", "s", "plain", "text", "no",
                "link");
    }

    @Test
    void foldsCaseAndFrenchAccents() {
        assertThat(normalizer.tokens("ÉGORGER Député À l'Assemblée")).containsExactly("egorger", "depute", "a",
                "l", "assemblee");
    }

    @Test
    void keepsAtMostTwoRepeatedLettersAndRestoresStretchedAbuse() {
        assertThat(normalizer.tokens("coooool")).containsExactly("cool");
        assertThat(normalizer.tokens("kiiiiilllll")).containsExactly("kill");
    }

    @Test
    void readsLeetspeak() {
        assertThat(normalizer.tokens("k1ll b!tch 5lut s1ut h0e")).containsExactly("kill", "bitch", "slut", "slut",
                "hoe");
    }

    @Test
    void leavesNumbersAndCodesAlone() {
        assertThat(normalizer.tokens("G20 summit in 2024")).containsExactly("g20", "summit", "in", "2024");
    }

    @Test
    void joinsSpacedLettersIntoOneWord() {
        assertThat(normalizer.tokens("s l u t")).containsExactly("slut");
        assertThat(normalizer.tokens("you are a w h o r e")).containsExactly("you", "are", "a", "whore");
    }

    @Test
    void joinsLettersSeparatedByDotsOrDashes() {
        assertThat(normalizer.tokens("b.i.t.c.h k-i-l-l")).containsExactly("bitch", "kill");
    }

    @Test
    void restoresStarredWordsOnlyWhenUnambiguous() {
        assertThat(normalizer.tokens("f*ck sh*t c#nt")).containsExactly("fuck", "shit", "cunt");
        assertThat(normalizer.tokens("a*b")).containsExactly("a", "b");
    }

    @Test
    void spellsOutThreatEmojiAndDropsOthers() {
        assertThat(normalizer.tokens("see you soon 🔪🔫💀⚰️😀")).containsExactly("see", "you", "soon", "knife", "gun",
                "skull", "coffin");
    }

    @Test
    void replacesLookAlikeCyrillicLettersInsideLatinWords() {
        assertThat(normalizer.tokens("kіll")).containsExactly("kill"); // the i is Cyrillic U+0456
    }

    @Test
    void dropsZeroWidthCharactersUsedToSplitWords() {
        assertThat(normalizer.tokens("ki\u200Bll")).containsExactly("kill");
    }

    @Test
    void foldsMathematicalBoldLetters() {
        assertThat(normalizer.tokens("𝐤𝐢𝐥𝐥")).containsExactly("kill");
    }

    @Test
    void capsTheNumberOfTokens() {
        assertThat(normalizer.tokens("word ".repeat(10_000))).hasSize(TextNormalizer.MAX_TOKENS);
    }

    @Test
    void neverSplitsASurrogatePairWhenTruncating() {
        String text = "a".repeat(TextNormalizer.MAX_CODE_POINTS - 1) + "😀😀";
        String truncated = TextNormalizer.truncate(text);
        assertThat(truncated).endsWith("😀");
        assertThat(Character.isHighSurrogate(truncated.charAt(truncated.length() - 1))).isFalse();
    }

    @Test
    void givesNoTokensForEmptyOrMissingText() {
        assertThat(normalizer.tokens("")).isEmpty();
        assertThat(normalizer.tokens(null)).isEmpty();
    }
}
