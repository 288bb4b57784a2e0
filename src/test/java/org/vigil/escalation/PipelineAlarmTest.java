package org.vigil.escalation;

import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.support.SmtpTestResource;
import org.vigil.support.Webhooks;

import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** A stalled classifier raises the pipeline alarm: a metric, an email to the security unit, and it clears. */
@QuarkusTest
class PipelineAlarmTest {

    @Inject
    Scheduler scheduler;

    @TestHTTPResource(value = "", management = true)
    URL management;

    @Inject
    Escalations escalations;

    @Test
    void aStalledClassifierRaisesThePipelineAlarmAndItClearsWhenClassificationResumes() {
        Trigger classifier = scheduler.getScheduledJobs().stream()
                .filter(job -> job.getMethodDescription().contains("ClassificationWorker#poll"))
                .findFirst().orElseThrow();
        scheduler.pause(classifier.getId());
        UUID mention;
        try {
            mention = UUID.fromString(Webhooks.deliver(Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP",
                    "An ordinary question about the budget")).then().statusCode(202).extract().path("items[0].id"));

            await().atMost(Duration.ofSeconds(30)).until(() -> escalations.column(
                    "SELECT kind FROM pipeline_alarm WHERE cleared_at IS NULL AND kind = ?", "CLASSIFIER_STALLED").size() == 1);
            given().get(management.toString().replaceAll("/+$", "") + "/metrics").then().statusCode(200)
                    .body(containsString("vigil_pipeline_alarm{kind=\"CLASSIFIER_STALLED\"} 1.0"));
            await().atMost(Duration.ofSeconds(15)).until(() -> Arrays.stream(SmtpTestResource.server().getReceivedMessages())
                    .anyMatch(email -> subject(email).startsWith("[Vigil ALARM] CLASSIFIER_STALLED")));
        } finally {
            scheduler.resume(classifier.getId());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> escalations.single(
                "SELECT 1 FROM mention_classification WHERE mention_id = ?", mention) != null);
        await().atMost(Duration.ofSeconds(15)).until(() -> escalations.column(
                "SELECT kind FROM pipeline_alarm WHERE cleared_at IS NULL AND kind = ?", "CLASSIFIER_STALLED").isEmpty());
        assertThat(escalations.single("SELECT count(*) FROM pipeline_alarm WHERE kind = ?", "CLASSIFIER_STALLED"))
                .isNotEqualTo("0");
    }

    private static String subject(jakarta.mail.internet.MimeMessage email) {
        try {
            return email.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
