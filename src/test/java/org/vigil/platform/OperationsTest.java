package org.vigil.platform;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.vigil.support.Webhooks;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class OperationsTest {

    @Test
    void reportsReadinessIncludingTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void countsMentionsByOutcomeInPrometheusMetrics() {
        Webhooks.deliver("{\"mentions\": [" + Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP", "hi")
                + ", {\"platform\": \"nowhere\"}]}").then().statusCode(202);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("vigil_mentions_accepted_total"))
                .body(containsString("vigil_mentions_rejected_total{reason=\"invalid-fields\"}"))
                .body(containsString("http_server_requests_seconds_bucket"));
    }

    @Test
    void describesTheWebhookInOpenApi() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/webhooks/{integration}/mentions"));
    }

    @Test
    void resolvesEveryProblemTypeUri() {
        given().get("/problems/signature-invalid").then().statusCode(200)
                .body("status", equalTo(401))
                .body("type", equalTo("/problems/signature-invalid"));
        given().get("/problems/no-such-type").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
