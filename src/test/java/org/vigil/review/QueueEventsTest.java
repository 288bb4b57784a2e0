package org.vigil.review;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.classify.ClassificationWorker;
import org.vigil.security.Roles;
import org.vigil.support.Queue;
import org.vigil.support.StaffLogin;
import org.vigil.support.Webhooks;
import org.vigil.triage.TriageWorker;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** An open queue page hears about a new item without reloading. */
@QuarkusTest
class QueueEventsTest {

    @TestHTTPResource("/api/v1/review/events")
    URI events;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    ClassificationWorker classification;
    @Inject
    TriageWorker triage;

    @Test
    void aNewItemIsAnnouncedToOpenQueuePages() throws Exception {
        HttpResponse<InputStream> stream = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(events).header("Accept", "text/event-stream")
                        .header("Cookie", StaffLogin.SESSION_COOKIE + "=" + StaffLogin.as(Roles.REVIEWER).cookie()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8));

        UUID mention = Queue.deliverAndTriage(classification, triage, "@events_" + Webhooks.uniqueExternalId(),
                Queue.THREAT, 1).get(0);
        String item = Queue.itemsOf(dataSource, List.of(mention)).get(0).toString();

        CompletableFuture<Boolean> announced = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.equals("data:" + item) || line.equals("data: " + item)) {
                        return true;
                    }
                }
                return false;
            } catch (java.io.IOException e) {
                return false;
            }
        });
        try {
            assertThat(announced.get(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            stream.body().close();
        }
    }
}
