package org.vigil.escalation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.vigil.audit.AuditLog;
import org.vigil.audit.AuditQuery;
import org.vigil.security.CsrfToken;
import org.vigil.triage.Priority;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** Acknowledgement links, tiers, notices to everyone alerted, and cool-down folding. */
@QuarkusTest
class CaseLifecycleTest {

    private static final Pattern ACK_LINK = Pattern.compile("http://localhost:8080(/escalation/ack/[A-Za-z0-9_.-]+)");

    @Inject
    Escalations escalations;

    @Inject
    AckLinks links;

    @Inject
    AuditLog audit;

    @Test
    void openingTheLinkOnlyAsksForConfirmationAndTheButtonAcknowledgesAndTellsEveryoneInTheThread() throws Exception {
        UUID caseId = escalations.raise(escalations.classifiedMention("Expect a fire at your constituency office tonight"), Priority.P1);
        MimeMessage alert = awaitEmail(caseId, "duty@security.test", 1);
        String ackPath = ackPath(alert);

        given().get(ackPath).then().statusCode(200).body(containsString("<form method=\"post\">"))
                .body(containsString("name=\"csrf-token\""));
        given().get(ackPath).then().statusCode(200);
        assertThat(state(caseId)).isEqualTo("OPEN");

        browserForm().post(ackPath).then().statusCode(200).body(containsString("Acknowledged"));
        assertThat(state(caseId)).isEqualTo("ACKNOWLEDGED");
        assertThat(escalations.single("SELECT acknowledged_by FROM escalation_case WHERE id = ?", caseId))
                .isEqualTo("duty@security.test");
        assertThat(audit.search(new AuditQuery(Optional.of("duty@security.test"), Optional.of("escalation.case.acknowledged"),
                Optional.of("escalation_case"), Optional.of(caseId.toString()), Optional.empty(), Optional.empty(), Optional.empty(), 10))
                .events()).singleElement().satisfies(event -> {
                    assertThat(event.before().orElseThrow()).contains("OPEN");
                    assertThat(event.after().orElseThrow()).contains("ACKNOWLEDGED");
                });

        MimeMessage notice = awaitEmail(caseId, "duty@security.test", 2);
        assertThat(notice.getMessageID()).isNotEqualTo(alert.getMessageID());
        assertThat(notice.getSubject()).startsWith("Re: [Vigil P1]");
        assertThat(notice.getHeader("In-Reply-To", null)).isEqualTo(alert.getMessageID());
        assertThat(notice.getHeader("References", null)).isEqualTo(alert.getMessageID());
        assertThat(EscalationEmailTest.part(notice, "text/plain")).startsWith("Acknowledged by duty@security.test");
        MimeMessage frenchNotice = awaitEmail(caseId, "permanence@security.test", 2);
        assertThat(frenchNotice.getSubject()).startsWith("Re: [Vigil P1] alerte");
        assertThat(frenchNotice.getHeader("In-Reply-To", null))
                .isEqualTo(received(caseId, "permanence@security.test").get(0).getMessageID());

        browserForm().post(ackPath).then().statusCode(200).body(containsString("Already taken"));
    }

    @Test
    void refusesAForgedOrExpiredLinkWithoutTouchingTheCase() {
        UUID caseId = escalations.raise(escalations.classifiedMention("We are watching you"), Priority.P2);
        String expired = URI.create(links.url(caseId, "duty@security.test", Instant.now().minus(Duration.ofDays(4))))
                .getPath();
        String valid = URI.create(links.url(caseId, "duty@security.test", Instant.now())).getPath();
        String forged = valid.substring(0, valid.length() - 3) + (valid.endsWith("AAA") ? "BBB" : "AAA");

        given().get(expired).then().statusCode(410).body(containsString("expired"));
        browserForm().post(expired).then().statusCode(410);
        browserForm().post(forged).then().statusCode(404).body(not(containsString("<form")));
        browserForm().post("/escalation/ack/not-a-token").then().statusCode(404);
        assertThat(state(caseId)).isEqualTo("OPEN");
    }

    @Test
    void anUnacknowledgedP1ReachesTheNextTierAfterTheDelayAndAcknowledgementStopsFurtherTiers() throws Exception {
        UUID caseId = escalations.raise(escalations.classifiedMention("You will not survive the week"), Priority.P1);
        awaitEmail(caseId, "duty@security.test", 1);

        MimeMessage tier = awaitEmail(caseId, "officer@security.test", 1);
        assertThat(tier.getSubject()).contains("P1");
        assertThat(escalations.single("SELECT tier_steps FROM escalation_case WHERE id = ?", caseId)).isNotEqualTo("0");

        browserForm().post(ackPath(tier)).then().statusCode(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> received(caseId, "officer@security.test").size() == 2);
        int tiersAtAcknowledgement = Integer.parseInt(escalations.single(
                "SELECT count(*) FROM escalation_outbox WHERE case_id = ? AND kind = 'TIER'", caseId));
        await().atMost(Duration.ofSeconds(15)).until(() -> received(caseId, "duty@security.test").size() == 2);

        Thread.sleep(4_000);
        assertThat(escalations.single("SELECT count(*) FROM escalation_outbox WHERE case_id = ? AND kind = 'TIER'", caseId))
                .isEqualTo(Integer.toString(tiersAtAcknowledgement));
        assertThat(escalations.column("SELECT DISTINCT recipient FROM escalation_outbox WHERE case_id = ? AND kind = 'ACKNOWLEDGED'",
                caseId)).contains("duty@security.test", "permanence@security.test", "officer@security.test");
    }

    @Test
    void foldsAnotherRuleEscalationOfTheSameAuthorAndMpWithinTheCoolDownUnlessItIsMoreUrgent() {
        String author = "repeat-" + UUID.randomUUID();
        // Plainly clean texts: triage must not open a case of its own for them before the test raises its own.
        List<UUID> mentions = escalations.classifiedMentions(author, List.of(
                "Thanks for answering my letter about the bus timetable",
                "Could you resend the link to the consultation on the bypass?",
                "Is your office open over the bank holiday?", "Many thanks again"));
        assertThat(mentions).allSatisfy(mention -> assertThat(escalations.column(
                "SELECT id::text FROM escalation_case WHERE mention_id = ?", mention)).as("case opened by triage")
                .isEmpty());
        UUID first = escalations.fire(mentions.get(0), Priority.P2, "triage");
        String caseId = escalations.single("SELECT id::text FROM escalation_case WHERE item_id = ?", first);

        UUID folded = escalations.fire(mentions.get(1), Priority.P2, "triage");
        UUID moreUrgent = escalations.fire(mentions.get(2), Priority.P1, "triage");
        UUID byHand = escalations.fire(mentions.get(3), Priority.P2, Escalations.REVIEWER);

        assertThat(escalations.single("SELECT case_id::text FROM escalation_folded_item WHERE item_id = ?", folded))
                .isEqualTo(caseId);
        assertThat(escalations.single("SELECT folded FROM escalation_case WHERE id = ?::uuid", caseId)).isEqualTo("1");
        assertThat(escalations.column("SELECT id::text FROM escalation_case WHERE item_id = ?", folded)).isEmpty();
        assertThat(escalations.column("SELECT id::text FROM escalation_case WHERE item_id = ?", moreUrgent)).hasSize(1);
        assertThat(escalations.column("SELECT id::text FROM escalation_case WHERE item_id = ?", byHand)).hasSize(1);
        assertThat(escalations.column("SELECT recipient FROM escalation_outbox WHERE case_id = ?::uuid", caseId))
                .containsExactly("duty@security.test");
    }

    private String state(UUID caseId) {
        return escalations.single("SELECT state FROM escalation_case WHERE id = ?", caseId);
    }

    /** A form post as the confirmation page's button makes it: with the CSRF token its GET handed out. */
    private static RequestSpecification browserForm() {
        String token = given().get("/login").getCookie(CsrfToken.COOKIE);
        return given().cookie(CsrfToken.COOKIE, token).contentType("application/x-www-form-urlencoded")
                .formParam(CsrfToken.FORM_FIELD, token);
    }

    private static String ackPath(MimeMessage email) throws Exception {
        Matcher link = ACK_LINK.matcher(EscalationEmailTest.part(email, "text/plain"));
        assertThat(link.find()).as("acknowledgement link in the email").isTrue();
        return link.group(1);
    }

    private static List<MimeMessage> received(UUID caseId, String address) {
        return Escalations.received(caseId).stream()
                .filter(m -> EscalationEmailTest.recipient(m).equals(address)).toList();
    }

    private static MimeMessage awaitEmail(UUID caseId, String address, int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> received(caseId, address).size() >= count);
        return received(caseId, address).get(count - 1);
    }

}
