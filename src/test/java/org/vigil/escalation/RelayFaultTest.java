package org.vigil.escalation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.support.SmtpTestResource;
import org.vigil.triage.Priority;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outbox survives a mail server outage, gives up on what can never be sent, and never sends a row twice. */
@QuarkusTest
class RelayFaultTest {

    @Inject
    Escalations escalations;

    @Inject
    OutboxRelay relay;

    @Inject
    OutboxRepository outbox;

    @Inject
    Scheduler scheduler;

    @Test
    void deliversOnceWhenTheMailServerComesBackAfterAnOutage() {
        UUID caseId = raiseWhileBroken("We will find you and your family", SmtpTestResource::shutDown, "");

        assertDeliveredOnce(caseId);
        assertThat(escalations.single("SELECT attempts > 1 FROM escalation_outbox WHERE case_id = ?", caseId))
                .isEqualTo("t");
    }

    @Test
    void givesUpOnASendTheMailServerNeverAnswersAndDeliversOnceItAnswersAgain() {
        // The send timeout (5 s under test) ends the wait for a greeting that never comes, well before the
        // mailer's 60 s default would, and the row is released for a retry.
        UUID caseId = raiseWhileBroken("I know which car is yours and when you park it", SmtpTestResource::silence,
                "TimeoutException");

        assertDeliveredOnce(caseId);
    }

    @Test
    void movesAnEmailThatAlwaysFailsToTheDeadLetterAndAnAdminCanSendItAgain() throws Exception {
        UUID mention = escalations.classifiedMention("You should be scared");
        UUID caseId = escalations.raise(mention, Priority.P2);
        await().atMost(Duration.ofSeconds(10)).until(() -> Escalations.received(caseId).size() == 1);
        QuarkusTransaction.requiringNew().call(() -> {
            outbox.add(new OutboxEmail(caseId, EmailKind.ALERT, new Recipient("no address at all", "en"),
                    "<unsendable." + caseId + "@localhost>", Optional.empty(), "subject", "text", "<p>html</p>"),
                    Instant.now());
            return null;
        });

        await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD".equals(escalations.single(
                "SELECT state FROM escalation_outbox WHERE case_id = ? AND recipient = 'no address at all'", caseId)));
        long id = Long.parseLong(escalations.single(
                "SELECT id FROM escalation_outbox WHERE case_id = ? AND recipient = 'no address at all'", caseId));
        assertThat(escalations.single("SELECT attempts FROM escalation_outbox WHERE id = ?", id)).isEqualTo("6");
        assertThat(outbox.page(OutboxState.DEAD, Optional.empty(), 100).emails())
                .anyMatch(entry -> entry.id() == id && entry.lastError().isPresent());

        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.resend(id, Instant.now()))).isTrue();
        assertThat(QuarkusTransaction.requiringNew().call(() -> outbox.resend(id, Instant.now()))).isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD".equals(escalations.single(
                "SELECT state FROM escalation_outbox WHERE id = ?", id)));
    }

    @Test
    void relaysRunningInParallelSendEachEmailOnce() throws Exception {
        List<UUID> mentions = escalations.classifiedMentions(IntStream.range(0, 10)
                .mapToObj(i -> "A question about the budget, number " + i).toList());
        scheduler.pause();
        List<UUID> cases;
        try {
            cases = escalations.raiseAll(mentions, Priority.P1);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> relays = List.of(
                        pool.submit(() -> { start.await(); return relay.drain(); }),
                        pool.submit(() -> { start.await(); return relay.drain(); }));
                start.countDown();
                for (Future<Integer> finished : relays) {
                    finished.get();
                }
            } finally {
                pool.shutdown();
            }
        } finally {
            scheduler.resume();
        }

        UUID[] ids = cases.toArray(UUID[]::new);
        // Every row ends SENT; a retry after an SMTP hiccup from an earlier test is allowed (a send caught by the
        // SMTP restart waits out the send timeout first), a second copy is not.
        await().atMost(Duration.ofSeconds(60)).until(() -> escalations.column(
                "SELECT DISTINCT state FROM escalation_outbox WHERE case_id = ANY (?) AND kind = 'ALERT'",
                ids).equals(List.of("SENT")));
        Map<String, Long> sentPerMessageId = cases.stream().flatMap(c -> Escalations.received(c).stream())
                .filter(m -> !EscalationEmailTest.recipient(m).equals("officer@security.test")
                        && !EscalationEmailTest.recipient(m).equals("backup@security.test"))
                .collect(Collectors.groupingBy(Escalations::messageId, Collectors.counting()));
        assertThat(sentPerMessageId).hasSize(20).allSatisfy((id, count) -> assertThat(count).isEqualTo(1L));
    }

    /**
     * Raises a case for a new mention of the text while {@code breakServer} keeps the mail server from taking
     * email, waits (at most 15 s) until a send failed with an error starting as {@code error}, the row still due
     * again, and starts the server again.
     */
    private UUID raiseWhileBroken(String text, Runnable breakServer, String error) {
        UUID mention = escalations.classifiedMention(text);
        breakServer.run();
        try {
            UUID caseId = escalations.raise(mention, Priority.P2);
            await().atMost(Duration.ofSeconds(15)).until(() -> {
                String lastError = escalations.single("SELECT last_error FROM escalation_outbox WHERE case_id = ?",
                        caseId);
                return lastError != null && lastError.startsWith(error);
            });
            assertThat(escalations.single("SELECT state FROM escalation_outbox WHERE case_id = ?", caseId))
                    .isEqualTo("PENDING");
            return caseId;
        } finally {
            SmtpTestResource.restart();
        }
    }

    private void assertDeliveredOnce(UUID caseId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(
                escalations.single("SELECT state FROM escalation_outbox WHERE case_id = ?", caseId)));
        relay.drain();
        assertThat(Escalations.received(caseId)).hasSize(1);
    }
}
