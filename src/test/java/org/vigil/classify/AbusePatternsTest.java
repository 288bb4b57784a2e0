package org.vigil.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vigil.classify.training.Corpus;

/** Each pattern fires on its phrasing in English and French, so its trigger words and its regex agree. */
class AbusePatternsTest {

    private final TextNormalizer normalizer = new TextNormalizer();

    private List<String> patternsIn(String text) {
        List<String> found = new ArrayList<>();
        AbusePatterns.matches(normalizer.tokens(text), found::add);
        return found;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "knowwhereyoulive | They know exactly where your office is.     | On connaît très bien où se trouve ta maison.",
        "address          | Here is her home address.                   | Il habite au 12 rue des Lilas.",
        "watchyourback    | Watch your back.                            | Fais gaffe à toi.",
        "familywarning    | Your family would not be safe.              | Ta famille va le regretter.",
        "whathappensnext  | Wait and see what happens next.             | Tu vas voir ce qui va t'arriver.",
        "comingforyou     | We will find you.                           | On va te retrouver.",
        "wishharm         | I hope you die.                             | J'espère que tu crèves.",
        "incitement       | Someone should shoot him.                   | Quelqu'un devrait le buter.",
        "incitement       | K!ll all the politicians.                   | Il faut tuer tous les députés.",
        "closingin        | See you on Friday. Come alone.              | Viens seule vendredi.",
        "goback           | Go back to your country.                    | Retourne dans ton pays.",
        "arson            | They will set the whole building on fire.   | On va mettre le feu à la mairie.",
        "notfromhere      | You will never be really English.           | Tu ne seras jamais une vraie Française.",
        "faithdisease     | Their religion is a virus.                  | Leur foi est une gangrène.",
        "infiltration     | They are infiltrating the civil service.    | Ils infiltrent les syndicats.",
        "womenunfit       | Women are far too emotional to be judges.   | Les femmes sont trop émotives pour juger.",
        "womensplace      | Women belong in the kitchen.                | Les femmes n'ont rien à faire en politique.",
        "womensplace      | Women like you should stay in the kitchen.  | Retourne à la cuisine.",
        "reportedspeech   | Police said the man was arrested.           | Selon le rapport, il a menacé le maire.",
        "mentionnotuse    | Calling her a slut is vile.                 | Traiter une élue de salope est honteux.",
        "negatedharm      | I would never hurt anyone.                  | Je ne vais pas te frapper.",
    })
    void findsEachPatternInEnglishAndFrench(String pattern, String english, String french) {
        assertThat(patternsIn(english)).contains(pattern);
        assertThat(patternsIn(french)).contains(pattern);
    }

    @Test
    void findsNoPatternInOrdinaryPoliticalMail() {
        assertThat(patternsIn("Thank you for your work on the new hospital, see you at the hustings.")).isEmpty();
        assertThat(patternsIn("Merci pour votre travail sur le nouvel hôpital.")).isEmpty();
    }

    /**
     * {@link AbusePatterns#matches} tries each pattern only where a word begins; on every team-written sentence and
     * each of its sentences it must find exactly what a scan of every position finds.
     */
    @Test
    void findsWhatAScanOfEveryPositionFinds() {
        List<String> texts = Corpus.read(List.of(Path.of("training/seed"), Path.of("training/dev"))).stream()
                .flatMap(row -> Stream.concat(Stream.of(row.text()), Sentences.of(row.text()).stream())).toList();
        int found = 0;
        for (String text : texts) {
            List<String> tokens = normalizer.tokens(text);
            String joined = String.join(" ", tokens);
            List<String> scanned = AbusePatterns.all().stream()
                    .filter(p -> tokens.stream().anyMatch(p.triggers()::contains) && p.pattern().matcher(joined).find())
                    .map(AbusePatterns.Named::name).toList();
            List<String> matched = new ArrayList<>();
            AbusePatterns.matches(tokens, matched::add);
            assertThat(matched).as(text).isEqualTo(scanned);
            found += matched.size();
        }
        assertThat(texts).hasSizeGreaterThan(5_000);
        assertThat(found).as("patterns found over all texts").isGreaterThan(1_000);
    }
}
