package org.vigil.escalation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.support.SmtpTestResource;
import org.vigil.triage.EntryReason;
import org.vigil.triage.FiredRule;
import org.vigil.triage.Priority;
import org.vigil.triage.ReviewItemRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A rule that suddenly fires far above its usual rate raises the pipeline alarm and tells the security unit. */
@QuarkusTest
class RuleRateAlarmTest {

    @Inject
    Escalations escalations;

    @Inject
    ReviewItemRepository items;

    @Test
    void aRuleFiringFarAboveItsUsualRateRaisesThePipelineAlarm() {
        String rule = "test:surge-" + UUID.randomUUID();
        List<UUID> mentions = escalations.classifiedMentions(IntStream.range(0, 25)
                .mapToObj(i -> "A quiet question about the library opening hours, number " + i).toList());
        await().atMost(Duration.ofSeconds(20)).until(() -> escalations.column(
                "SELECT id FROM mention WHERE state = 'TRIAGED' AND id = ANY (?)", mentions.toArray(UUID[]::new))
                .size() == mentions.size());
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().call(() -> {
            for (UUID mention : mentions) {
                items.upsert(mention, Priority.P4, now.plus(Duration.ofDays(1)), now, EntryReason.NEAR_MISS, Set.of(),
                        Set.of(), List.of(new FiredRule(rule, "a rule gone wrong")), List.of());
            }
            return null;
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> String.valueOf(escalations.single(
                "SELECT detail FROM pipeline_alarm WHERE kind = ? AND cleared_at IS NULL", "RULE_RATE"))
                .contains("rule '" + rule + "' fired 25 times in the last 60 min, usually 0.0 (far above)"));
        await().atMost(Duration.ofSeconds(15)).until(() -> Arrays.stream(SmtpTestResource.server().getReceivedMessages())
                .anyMatch(email -> subject(email).startsWith("[Vigil ALARM] RULE_RATE")));
    }

    private static String subject(jakarta.mail.internet.MimeMessage email) {
        try {
            return email.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
