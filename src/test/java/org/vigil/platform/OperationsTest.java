package org.vigil.platform;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.vigil.support.Webhooks;

import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;

/** Health, metrics and the API description on the management port; nothing of /q/* on the public one. */
@QuarkusTest
class OperationsTest {

    @TestHTTPResource(value = "", management = true)
    URL management;

    @Test
    void reportsReadinessIncludingTheDatabase() {
        given().get(q("/health/ready")).then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get(q("/health/live")).then().statusCode(200).body("status", equalTo("UP"));
        given().get(q("/health/started")).then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void countsTheMentionsOfItsOwnDeliveryByOutcome() {
        double acceptedBefore = metric("vigil_mentions_accepted_total");
        double rejectedBefore = metric("vigil_mentions_rejected_total{reason=\"invalid-fields\"}");
        double requestsBefore = metric("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\","
                + "status=\"202\",uri=\"/api/v1/webhooks/{integration}/mentions\"}");

        Webhooks.deliver("{\"mentions\": [" + Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP", "hi")
                + ", {\"platform\": \"nowhere\"}]}").then().statusCode(202);

        assertThat(metric("vigil_mentions_accepted_total")).isEqualTo(acceptedBefore + 1);
        assertThat(metric("vigil_mentions_rejected_total{reason=\"invalid-fields\"}")).isEqualTo(rejectedBefore + 1);
        assertThat(metric("http_server_requests_seconds_count{method=\"POST\",outcome=\"SUCCESS\",status=\"202\","
                + "uri=\"/api/v1/webhooks/{integration}/mentions\"}")).isEqualTo(requestsBefore + 1);
    }

    @Test
    void describesTheWebhookInOpenApi() {
        given().accept("application/json").get(q("/openapi")).then().statusCode(200)
                .body("paths", hasKey("/api/v1/webhooks/{integration}/mentions"));
    }

    @Test
    void servesNothingUnderQOnThePublicPort() {
        for (String path : new String[]{"/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void resolvesEveryProblemTypeUri() {
        given().get("/problems/signature-invalid").then().statusCode(200)
                .body("status", equalTo(401))
                .body("type", equalTo("/problems/signature-invalid"));
        given().get("/problems/no-such-type").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** A path under the management interface's /q. */
    private String q(String path) {
        return management.toString().replaceAll("/+$", "") + path;
    }

    /** The value of one Prometheus sample, 0 while it has not been recorded yet. */
    private double metric(String sample) {
        String text = given().get(q("/metrics")).then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(sample) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
