package org.vigil.escalation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.triage.EntryReason;
import org.vigil.triage.FiredRule;
import org.vigil.triage.Priority;
import org.vigil.triage.ReviewItemRepository;

import java.time.Duration;
import java.net.URL;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** A rule that suddenly fires far above its usual rate raises the pipeline alarm, named in its detail and its gauge. */
@QuarkusTest
class RuleRateAlarmTest {

    @Inject
    Escalations escalations;

    @Inject
    ReviewItemRepository items;

    @TestHTTPResource(value = "", management = true)
    URL management;

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
        // Other tests' bursts may have raised (and announced) the alarm already; the gauge holds either way.
        given().get(management.toString().replaceAll("/+$", "") + "/metrics").then().statusCode(200)
                .body(containsString("vigil_pipeline_alarm{kind=\"RULE_RATE\"} 1.0"));
    }
}
