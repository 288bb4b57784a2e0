package org.vigil.escalation;

import com.icegreen.greenmail.util.GreenMailUtil;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.Test;
import org.vigil.triage.EscalationRaised;
import org.vigil.triage.Priority;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** An escalation becomes exactly one email per recipient, with what the security unit needs to act. */
@QuarkusTest
class EscalationEmailTest {

    @Inject
    Escalations escalations;

    @Inject
    OutboxRelay relay;

    @Inject
    Event<EscalationRaised> events;

    @Test
    void sendsExactlyOneEmailPerRecipientWithPriorityMpCategoryScoresRulesAndLink() throws Exception {
        UUID mention = escalations.classifiedMention(
                "I am going to kill you. I know you live at 12 Rose Street, call me on 0612345678 <script>x</script>");
        UUID caseId = escalations.raise(mention, Priority.P1);

        await().atMost(Duration.ofSeconds(15)).until(() -> escalations.column(
                "SELECT state FROM escalation_outbox WHERE case_id = ? AND kind = 'ALERT'", caseId)
                .equals(List.of("SENT", "SENT")));
        relay.drain();
        List<MimeMessage> emails = Escalations.received(caseId).stream()
                .filter(m -> List.of("duty@security.test", "permanence@security.test").contains(recipient(m))).toList();
        assertThat(emails).hasSize(2);

        MimeMessage english = to(emails, "duty@security.test");
        assertThat(english.getSubject()).contains("P1").contains("VIOLENT").contains("JaneDoeMP");
        assertThat(english.getMessageID()).isEqualTo("<vigil." + caseId + "." + english.getMessageID()
                .split("\\.")[2].split("@")[0] + "@localhost>");
        String text = part(english, "text/plain");
        assertThat(text).contains("I am going to kill you").contains("## Rose Street").contains("##########")
                .doesNotContain("0612345678").doesNotContain("12 Rose")
                .containsPattern("VIOLENT: \\d\\.\\d\\d \\(flagged\\)").contains(Escalations.RULE.ruleId()).contains(Escalations.RULE.reason())
                .contains("mentions,").contains("http://localhost:8080/review/items/");
        String html = part(english, "text/html");
        assertThat(html).contains("&lt;script&gt;x&lt;/script&gt;").doesNotContain("<script>");

        MimeMessage french = to(emails, "permanence@security.test");
        assertThat(french.getSubject()).contains("alerte").contains("P1");
        assertThat(part(french, "text/plain")).contains("Règles déclenchées").contains(Escalations.RULE.ruleId());
        assertThat(french.getMessageID()).isNotEqualTo(english.getMessageID());

        assertThat(escalations.column("SELECT state || '/' || attempts || '/' || transport FROM escalation_outbox "
                + "WHERE case_id = ? AND kind = 'ALERT'", caseId)).containsExactly("SENT/1/smtp", "SENT/1/smtp");
    }

    @Test
    void writesNoEmailWhenTheDecidingTransactionRollsBack() {
        UUID mention = escalations.classifiedMention("Careful, we have been following your car all week");
        UUID itemId = UUID.randomUUID();

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            events.fire(new EscalationRaised(itemId, mention, Priority.P1, "threat", List.of(Escalations.RULE), "triage"));
            throw new IllegalStateException("triage failed after deciding");
        })).hasMessageContaining("triage failed");

        assertThat(escalations.column("SELECT id::text FROM escalation_case WHERE item_id = ?", itemId)).isEmpty();
    }

    @Test
    void refusesAnEscalationOutsideATransaction() {
        UUID mention = escalations.classifiedMention("You will regret this");

        assertThatThrownBy(() -> events.fire(new EscalationRaised(UUID.randomUUID(), mention, Priority.P1, "threat",
                List.of(), "triage"))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void escalatingTheSameItemTwiceAlertsOnce() {
        UUID mention = escalations.classifiedMention("I am coming for you tonight");
        UUID itemId = UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            QuarkusTransaction.requiringNew().run(() -> events.fire(new EscalationRaised(itemId, mention,
                    Priority.P2, "threat", List.of(Escalations.RULE), "reviewer")));
        }

        String caseId = escalations.single("SELECT id::text FROM escalation_case WHERE item_id = ?", itemId);
        assertThat(escalations.column("SELECT recipient FROM escalation_outbox WHERE case_id = ?::uuid", caseId))
                .containsExactly("duty@security.test");
    }

    static MimeMessage to(List<MimeMessage> emails, String address) {
        return emails.stream().filter(m -> recipient(m).equals(address)).findFirst()
                .orElseThrow(() -> new AssertionError("no email to " + address));
    }

    static String recipient(MimeMessage message) {
        try {
            return message.getRecipients(Message.RecipientType.TO)[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String part(MimeMessage message, String type) throws Exception {
        MimeMultipart multipart = (MimeMultipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            if (multipart.getBodyPart(i).isMimeType(type)) {
                return GreenMailUtil.getBody(multipart.getBodyPart(i)).isEmpty() ? ""
                        : (String) multipart.getBodyPart(i).getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }
}
