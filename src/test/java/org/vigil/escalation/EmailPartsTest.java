package org.vigil.escalation;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pure parts of an alert: retry waits, masking, recipients. */
class EmailPartsTest {

    @Test
    void backoffDoublesWithJitterUpToItsCeiling() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15));
        SplittableRandom random = new SplittableRandom(42);
        for (int failures = 1; failures <= 40; failures++) {
            long nominal = Math.min(5_000L << Math.min(failures - 1, 30), 900_000L);
            long delay = backoff.delayAfter(failures, random).toMillis();
            assertThat(delay).as("after %d failures", failures).isBetween(nominal * 3 / 4, nominal);
        }
    }

    @Test
    void backoffSpreadsRelaysThatFailedTogether() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15));
        SplittableRandom random = new SplittableRandom(7);
        long distinct = java.util.stream.IntStream.range(0, 20)
                .mapToLong(i -> backoff.delayAfter(3, random).toMillis()).distinct().count();
        assertThat(distinct).isGreaterThan(10);
    }

    @Test
    void masksDigitsAddressesAndLinksButKeepsTheWords() {
        assertThat(TextMask.mask("I know you live at 12 Rose St, 06 12 34 56 78, mail jane@example.org, see https://maps.example/x"))
                .isEqualTo("I know you live at ## Rose St, ## ## ## ## ##, mail [email], see [link]");
    }

    @Test
    void cutsVeryLongTextsAtTheMaskLimit() {
        String masked = TextMask.mask("a".repeat(5000));
        assertThat(masked).hasSize(TextMask.MAX_LENGTH + 1).endsWith("…");
    }

    @Test
    void readsARecipientWithOrWithoutItsLanguage() {
        assertThat(Recipient.parse(" fr:permanence@assemblee.example ", "en"))
                .isEqualTo(new Recipient("permanence@assemblee.example", "fr"));
        assertThat(Recipient.parse("duty@example.org", "en")).isEqualTo(new Recipient("duty@example.org", "en"));
    }

    @Test
    void refusesARecipientThatIsNotAnAddressOrHasAnUnknownLanguage() {
        assertThatThrownBy(() -> Recipient.parse("duty", "en")).hasMessageContaining("'duty'")
                .hasMessageContaining("not an email address");
        assertThatThrownBy(() -> Recipient.parse("de:duty@example.org", "en")).hasMessageContaining("language");
    }
}
