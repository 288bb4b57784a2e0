package org.vigil.review;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.vigil.triage.ReviewItemRepository;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Returns to the queue the items whose reviewer stopped renewing the lease (closed the page, went home). */
@ApplicationScoped
public class LeaseSweeper {

    private static final Logger LOG = Logger.getLogger(LeaseSweeper.class);

    private final ReviewItemRepository items;
    private final ReviewActionRepository actions;
    private final Clock clock;

    LeaseSweeper(ReviewItemRepository items, ReviewActionRepository actions, Clock clock) {
        this.items = items;
        this.actions = actions;
        this.clock = clock;
    }

    @Scheduled(every = "{vigil.review.lease-sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        try {
            returnExpired();
        } catch (SQLException | RuntimeException e) {
            LOG.error("Could not return expired claims to the queue; will retry", e);
        }
    }

    /** Returns every item whose lease ran out; returns how many. */
    @Transactional(rollbackOn = SQLException.class)
    public int returnExpired() throws SQLException {
        Instant now = clock.instant();
        List<ReviewItemRepository.ExpiredLease> expired = items.expireLeases(now);
        for (ReviewItemRepository.ExpiredLease lease : expired) {
            actions.record(List.of(lease.itemId()), now, lease.reviewer(), ReviewAction.LEASE_EXPIRED,
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        return expired.size();
    }
}
