package org.vigil.review;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.classify.ClassificationWorker;
import org.vigil.directory.MpDirectory;
import org.vigil.support.Queue;
import org.vigil.support.Webhooks;
import org.vigil.triage.QueueFilter;
import org.vigil.triage.ReviewState;
import org.vigil.triage.TriageWorker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** "Next item" hands each open item to one reviewer only, and a lost claim returns to the queue. */
@QuarkusTest
class QueueClaimTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ClassificationWorker classification;
    @Inject
    TriageWorker triage;
    @Inject
    MpDirectory directory;
    @Inject
    ReviewService review;
    @Inject
    LeaseSweeper sweeper;

    @Test
    void twentyReviewersClaimingAtOnceGetTwentyDifferentItems() throws Exception {
        QueueFilter mine = ownQueue("claim20", 24);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Optional<ItemView>>> claims = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String reviewer = "reviewer-" + i;
                Callable<Optional<ItemView>> claim = () -> {
                    start.await();
                    return review.claimNext(reviewer, mine);
                };
                claims.add(pool.submit(claim));
            }
            start.countDown();
            Set<UUID> claimed = new HashSet<>();
            for (Future<Optional<ItemView>> claim : claims) {
                ItemView item = claim.get().orElseThrow();
                assertThat(item.item().state()).isEqualTo(ReviewState.CLAIMED);
                claimed.add(item.item().id());
            }
            assertThat(claimed).hasSize(20);
        } finally {
            pool.shutdownNow();
        }
        assertThat(review.queue("reviewer-0", mine, Optional.empty(), 50).counts())
                .containsEntry(ReviewState.CLAIMED, 20).containsEntry(ReviewState.OPEN, 4);
    }

    @Test
    void anExpiredLeaseReturnsTheItemToTheQueue() throws Exception {
        QueueFilter mine = ownQueue("lease", 1);
        UUID item = review.claimNext("alice", mine).orElseThrow().item().id();
        assertThat(review.claimNext("bob", mine)).isEmpty();

        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE review_item SET lease_until = now() - interval '1 second' WHERE id = ?")) {
            s.setObject(1, item);
            s.executeUpdate();
        }
        assertThat(sweeper.returnExpired()).isGreaterThanOrEqualTo(1);

        ItemView reclaimed = review.claimNext("bob", mine).orElseThrow();
        assertThat(reclaimed.item().id()).isEqualTo(item);
        assertThat(reclaimed.item().claimedBy()).contains("bob");
        assertThat(reclaimed.history()).extracting(ActionView::action)
                .containsExactly(ReviewAction.CLAIM, ReviewAction.LEASE_EXPIRED, ReviewAction.CLAIM);
    }

    @Test
    void aReviewerWhoAskedForASecondOpinionIsNotHandedTheItemBack() throws Exception {
        QueueFilter mine = ownQueue("second", 1);
        UUID item = review.claimNext("carol", mine).orElseThrow().item().id();
        review.requestSecondOpinion("carol", item, Optional.of("not sure this is a threat"));

        assertThat(review.claimNext("carol", mine)).isEmpty();
        ItemView second = review.claimNext("dave", mine).orElseThrow();
        assertThat(second.item().id()).isEqualTo(item);
        assertThat(second.history()).extracting(ActionView::note)
                .contains(Optional.of("not sure this is a threat"));
    }

    @Test
    void theMostUrgentItemComesFirst() throws Exception {
        QueueFilter mine = ownQueue("order", 3);
        List<ItemView> claimed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            claimed.add(review.claimNext("erin", mine).orElseThrow());
        }
        for (int i = 1; i < claimed.size(); i++) {
            var before = claimed.get(i - 1).item();
            var after = claimed.get(i).item();
            assertThat(before.priority().compareTo(after.priority()) < 0
                    || (before.priority() == after.priority() && !before.dueAt().isAfter(after.dueAt())))
                    .as("%s before %s", before, after).isTrue();
        }
    }

    /** Queues {@code count} threats against an MP of this test's own, and a filter that sees only them. */
    private QueueFilter ownQueue(String name, int count) throws Exception {
        String handle = "@" + name + "_" + Webhooks.uniqueExternalId();
        long mp = Queue.newMp(directory, handle);
        Queue.itemsOf(dataSource, Queue.deliverAndTriage(classification, triage, handle, Queue.THREAT, count));
        return QueueFilter.ofMp(mp);
    }
}
