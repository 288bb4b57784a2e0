package org.vigil.platform;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.Test;
import org.vigil.support.Webhooks;

import java.time.Instant;

import static io.restassured.RestAssured.given;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The packaged jar, as operators run it: migrations, shipped models and both webhooks work. */
@QuarkusIntegrationTest
class PackagedApplicationIT {

    @Test
    void acceptsASignedMentionAndRecognisesItsReplay() {
        String id = Webhooks.newId();
        String body = Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP", "packaged");
        Webhooks.deliver(id, body).then().statusCode(202).body("accepted", equalTo(1));
        Webhooks.deliver(id, body).then().statusCode(202).header("Idempotent-Replayed", "true");
    }

    @Test
    void keepsOperationsAndSwaggerUiOffThePublicPort() {
        for (String path : new String[]{"/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void classifiesWithTheModelsShippedInTheJar() {
        Webhooks.signed(Webhooks.newId(), Instant.now().getEpochSecond(),
                        "{\"text\": \"I know where you live and I will kill you\"}")
                .post("/api/v1/webhooks/{integration}/classify", "test")
                .then().statusCode(200).body("labels", hasItem("VIOLENT"));
    }
}
