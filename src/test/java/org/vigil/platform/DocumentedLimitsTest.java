package org.vigil.platform;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.classify.ClassificationWorkerConfig;
import org.vigil.ingest.IngestConfig;
import org.vigil.request.TextLengthConfig;
import org.vigil.webhook.IntegrationsConfig;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits are written out in annotations (OpenAPI) and in README.md, where configuration cannot reach:
 * this compares each with the configured value, so they cannot drift apart.
 */
@QuarkusTest
class DocumentedLimitsTest {

    @TestHTTPResource(value = "", management = true)
    URL management;

    @Inject
    TextLengthConfig text;

    @Inject
    IngestConfig ingest;

    @Inject
    IntegrationsConfig webhooks;

    @Inject
    ClassificationWorkerConfig classification;

    private static String grouped(int value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    @Test
    void openApiStatesTheConfiguredLimits() {
        JsonPath api = given().accept("application/json")
                .get(management.toString().replaceAll("/+$", "") + "/openapi").then().statusCode(200)
                .extract().jsonPath();
        String maxText = grouped(text.maxTextLength());
        assertThat(api.getString("components.schemas.Mention.properties.text.description")).contains(maxText);
        assertThat(api.getString("components.schemas.ClassifyRequest.properties.text.description")).contains(maxText);
        assertThat(api.getInt("components.schemas.MentionBatch.properties.mentions.maxItems")).isEqualTo(ingest.maxItems());
        String mentions = "paths.'/api/v1/webhooks/{integration}/mentions'.post.";
        assertThat(api.getString(mentions + "summary")).contains("up to " + ingest.maxItems());
        assertThat(api.getString(mentions + "responses.'413'.description")).contains(ingest.maxItems() + " mentions");
        String minutes = webhooks.webhook().timestampTolerance().toMinutes() + "-minute";
        assertThat(api.getString(mentions + "responses.'401'.description")).contains(minutes);
        assertThat(api.getList(mentions + "parameters.findAll { it.name == 'webhook-timestamp' }.description", String.class))
                .singleElement().asString().contains(webhooks.webhook().timestampTolerance().toMinutes() + " minutes");
    }

    @Test
    void readmeStatesTheConfiguredDefaults() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme)
                .contains("| `vigil.ingest.max-items` | `" + ingest.maxItems() + "` |")
                .contains("| `vigil.webhook.max-text-length` | `" + text.maxTextLength() + "` |")
                .contains("| `vigil.webhook.timestamp-tolerance` | `" + webhooks.webhook().timestampTolerance() + "` |")
                .contains("| `vigil.classification.poll-interval` | `" + classification.pollInterval() + "` |")
                .contains("| `vigil.classification.batch-size` | `" + classification.batchSize() + "` |")
                .contains("up to " + ingest.maxItems())
                .contains("at most\n" + grouped(text.maxTextLength()) + " characters");
    }
}
