package org.vigil.escalation;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.vigil.support.SmtpTestResource;
import org.vigil.triage.Priority;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Escalations at digest priorities (P3 in the tests) wait, then go out as one email per recipient. */
@QuarkusTest
class DigestTest {

    @Inject
    Escalations escalations;

    @Test
    void lowerPriorityEscalationsGoOutAsOneDigestPerRecipientInTheirLanguage() throws Exception {
        List<UUID> cases = escalations.raiseAll(escalations.classifiedMentions(List.of(
                "Call me on 07700 900123 and explain your vote, you useless clown",
                "Nobody in this town will ever vote for a fraud like you again",
                "Your speech on the bypass was pathetic and so are you")), Priority.P3);
        UUID[] ids = cases.toArray(UUID[]::new);
        assertThat(escalations.column("SELECT kind FROM escalation_outbox WHERE case_id = ANY (?)", ids))
                .as("no email of its own").doesNotContain("ALERT");

        MimeMessage english = awaitDigest("digest@security.test", cases);
        MimeMessage french = awaitDigest("resume@security.test", cases);

        assertThat(english.getSubject()).isEqualTo("[Vigil digest] 3 escalation(s): P3");
        assertThat(french.getSubject()).isEqualTo("[Vigil résumé] 3 escalade(s) : P3");
        String text = EscalationEmailTest.part(english, "text/plain");
        assertThat(text).contains("/escalation/ack/").doesNotContain("900123");
        assertThat(EscalationEmailTest.part(english, "text/html")).contains("<ol>").doesNotContain("900123");
        assertThat(EscalationEmailTest.part(french, "text/plain")).contains("Prendre en charge");
        assertThat(english.getMessageID()).startsWith("<vigil.digest.")
                .isEqualTo(escalations.single("SELECT message_id FROM escalation_outbox WHERE kind = 'DIGEST' "
                        + "AND recipient = 'digest@security.test' AND case_id = ?", cases.get(0)));
        assertThat(escalations.column("SELECT DISTINCT digest_message_id FROM escalation_digest_entry "
                + "WHERE recipient = 'digest@security.test' AND case_id = ANY (?)", ids))
                .containsExactly(english.getMessageID());
    }

    /** The one digest the address received that lists every case (each case page link once). */
    private static MimeMessage awaitDigest(String address, List<UUID> cases) {
        await().atMost(Duration.ofSeconds(20)).until(() -> digests(address, cases).size() == 1);
        return digests(address, cases).get(0);
    }

    private static List<MimeMessage> digests(String address, List<UUID> cases) {
        return Arrays.stream(SmtpTestResource.server().getReceivedMessages())
                .filter(message -> EscalationEmailTest.recipient(message).equals(address))
                .filter(message -> cases.stream().allMatch(caseId -> body(message).contains("case=" + caseId)))
                .toList();
    }

    private static String body(MimeMessage message) {
        try {
            return EscalationEmailTest.part(message, "text/plain");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
