package org.vigil.support;

import io.agroal.api.AgroalDataSource;
import org.vigil.classify.ClassificationWorker;
import org.vigil.directory.MpDirectory;
import org.vigil.triage.TriageWorker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Fills the review queue the way production does: signed deliveries, then classification and triage. */
public final class Queue {

    /** A text the shipped model labels VIOLENT, so that triage queues it. */
    public static final String THREAT = "We know where your family lives. Watch your back.";

    private Queue() {
    }

    /** Registers an MP of its own for one test, so that the test can filter the queue down to its own items. */
    public static long newMp(MpDirectory directory, String handle) {
        return directory.register("MP " + handle, Map.of("x", handle));
    }

    /** Sends {@code count} mentions aimed at the handle, runs classification and triage, returns the mention ids. */
    public static List<UUID> deliverAndTriage(ClassificationWorker classification, TriageWorker triage,
                                              String handle, String text, int count) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(UUID.fromString(Webhooks.deliver(Webhooks.mention(Webhooks.uniqueExternalId(), handle, text))
                    .then().statusCode(202).extract().path("items[0].id")));
        }
        classification.drain();
        triage.drain();
        return ids;
    }

    /**
     * The review item of each mention, in order, waiting briefly for the background workers that may have
     * taken the mentions before the test's own drain; fails when a mention gets none.
     */
    public static List<UUID> itemsOf(AgroalDataSource dataSource, List<UUID> mentionIds) {
        List<UUID> items = new ArrayList<>();
        for (UUID mentionId : mentionIds) {
            items.add(await().atMost(Duration.ofSeconds(10)).until(() -> itemOf(dataSource, mentionId),
                    item -> item != null));
        }
        return items;
    }

    private static UUID itemOf(AgroalDataSource dataSource, UUID mentionId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id FROM review_item WHERE mention_id = ?")) {
            s.setObject(1, mentionId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getObject(1, UUID.class) : null;
            }
        }
    }
}
