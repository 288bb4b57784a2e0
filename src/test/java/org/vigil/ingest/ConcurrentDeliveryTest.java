package org.vigil.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.support.Webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vigil.support.Webhooks.mention;
import static org.vigil.support.Webhooks.uniqueExternalId;

/** Deliveries racing each other still store every mention exactly once. */
@QuarkusTest
class ConcurrentDeliveryTest {

    private static final int RACERS = 8;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void storesTheSameMentionFromConcurrentDeliveriesExactlyOnce() throws Exception {
        String externalId = uniqueExternalId();
        String body = mention(externalId, "@JaneDoeMP", "racing");

        List<String> statuses = race(i -> Webhooks.deliver(Webhooks.newId(), body).then().statusCode(202)
                .extract().<String>path("items[0].status"));

        assertThat(statuses).containsOnly("accepted", "duplicate");
        assertThat(statuses).filteredOn("accepted"::equals).hasSize(1);
        assertThat(count("SELECT count(*) FROM mention WHERE external_id = ?", externalId)).isEqualTo(1);
    }

    @Test
    void processesTheSameWebhookIdFromConcurrentRetriesOnce() throws Exception {
        String externalId = uniqueExternalId();
        String webhookId = Webhooks.newId();
        String body = mention(externalId, "@JaneDoeMP", "retried");

        List<String> answers = race(i -> Webhooks.deliver(webhookId, body).then().statusCode(202)
                .extract().asString());

        assertThat(answers).allMatch(answers.get(0)::equals);
        assertThat(count("SELECT count(*) FROM mention WHERE external_id = ?", externalId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM webhook_delivery WHERE webhook_id = ?", webhookId)).isEqualTo(1);
    }

    private interface Attempt<T> {
        T run(int racer) throws Exception;
    }

    private static <T> List<T> race(Attempt<T> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                int racer = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return attempt.run(racer);
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
