package org.vigil.ingest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.vigil.support.Webhooks;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.vigil.support.Webhooks.MENTIONS;
import static org.vigil.support.Webhooks.deliver;
import static org.vigil.support.Webhooks.mention;
import static org.vigil.support.Webhooks.newId;
import static org.vigil.support.Webhooks.signed;
import static org.vigil.support.Webhooks.uniqueExternalId;

/** Every way a delivery can be refused answers with a precise status and problem+json, never a 500. */
@QuarkusTest
class WebhookProblemsTest {

    private static ValidatableResponse isProblem(ValidatableResponse response, int status, String type) {
        return response.statusCode(status)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/" + type))
                .body("status", equalTo(status))
                .body("title", org.hamcrest.Matchers.notNullValue());
    }

    private static String validBody() {
        return mention(uniqueExternalId(), "@JaneDoeMP", "hello");
    }

    @Test
    void refusesAnUnknownIntegration() {
        String body = validBody();
        isProblem(signed(newId(), Instant.now().getEpochSecond(), body).post(MENTIONS, "nobody").then(),
                404, "unknown-integration");
    }

    @Test
    void refusesAnUnsignedDelivery() {
        isProblem(given().contentType("application/json").body(validBody()).post(MENTIONS, "test").then(),
                401, "signature-missing");
    }

    @Test
    void refusesASignatureMadeWithAnotherIntegrationsSecret() {
        isProblem(signed(Webhooks.OTHER_INTEGRATION_SECRET, "application/json", utf8(validBody()))
                .post(MENTIONS, "test").then(), 401, "signature-invalid");
    }

    @Test
    void acceptsTheRotatedSecretToo() {
        signed(Webhooks.ROTATED_SECRET, "application/json", utf8(validBody())).post(MENTIONS, "test")
                .then().statusCode(202);
    }

    @Test
    void refusesAStaleTimestamp() {
        isProblem(signed(newId(), Instant.now().minusSeconds(360).getEpochSecond(), validBody())
                .post(MENTIONS, "test").then(), 401, "timestamp-out-of-tolerance");
    }

    @Test
    void refusesMalformedJson() {
        isProblem(deliver("{\"platform\": \"x\",").then(), 400, "malformed-json");
        isProblem(deliver("{\"a\": 1} {\"b\": 2}").then(), 400, "malformed-json");
        isProblem(deliver("{\"text\": \"a\", \"text\": \"b\"}").then(), 400, "malformed-json");
    }

    @Test
    void refusesInvalidUtf8AsMalformedJson() {
        byte[] body = {'{', '"', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        isProblem(signed(Webhooks.CURRENT_SECRET, "application/json", body).post(MENTIONS, "test").then(),
                400, "malformed-json");
    }

    @Test
    void pointsAtEveryInvalidFieldOfASingleMention() {
        String body = """
                {"platform": "x", "externalId": 17, "mpHandle": "@JaneDoeMP", "author": {"id": "1"},
                 "text": "hi", "url": "javascript:alert(1)", "postedAt": "2026-11-28", "lang": "english!"}""";
        isProblem(deliver(body).then(), 422, "invalid-fields")
                .body("errors.pointer", hasItem("/externalId"))
                .body("errors.pointer", hasItem("/url"))
                .body("errors.pointer", hasItem("/postedAt"))
                .body("errors.pointer", hasItem("/lang"));
    }

    @Test
    void refusesALoneSurrogateNamingTheFieldInsteadOfStoringAnAlteredCopy() {
        // A JSON escape for half a surrogate pair has no UTF-8 form: stored, it would come back as "?".
        String single = mention("lone-\\ud800-" + uniqueExternalId(), "@JaneDoeMP", "hi \\udc00 there");
        isProblem(deliver(single).then(), 422, "invalid-fields")
                .body("errors.pointer", hasItem("/externalId"))
                .body("errors.pointer", hasItem("/text"));
        // Sent again, it is refused the same way rather than failing on a half-stored copy.
        isProblem(deliver(single).then(), 422, "invalid-fields");
    }

    @Test
    void rejectsOnlyTheBatchItemHoldingALoneSurrogate() {
        String good = mention(uniqueExternalId(), "@JaneDoeMP", "fine");
        String bad = mention(uniqueExternalId(), "@JaneDoeMP", "fine").replace("\"Some One\"", "\"\\ud83d\"");
        deliver("{\"mentions\": [" + good + ", " + bad + "]}").then().statusCode(202)
                .body("accepted", equalTo(1))
                .body("items[1].status", equalTo("rejected"))
                .body("items[1].errors[0].pointer", equalTo("/mentions/1/author/displayName"));
    }

    @Test
    void refusesPostingTimesTheDatabaseCouldNotStore() {
        String farFuture = validBody().replace("2026-11-28T10:00:00Z", "+300000-01-01T00:00:00Z");
        isProblem(deliver(farFuture).then(), 422, "invalid-fields").body("errors[0].pointer", equalTo("/postedAt"));
        String ancient = validBody().replace("2026-11-28T10:00:00Z", "0001-01-01T00:00:00Z");
        isProblem(deliver(ancient).then(), 422, "invalid-fields").body("errors[0].pointer", equalTo("/postedAt"));
    }

    @Test
    void refusesAnEmptyOrNonArrayBatch() {
        isProblem(deliver("{\"mentions\": []}").then(), 422, "invalid-fields")
                .body("errors[0].pointer", equalTo("/mentions"));
        isProblem(deliver("[1, 2]").then(), 422, "invalid-fields");
    }

    @Test
    void refusesTextOverTheDocumentedMaximum() {
        String text = "a".repeat(65_537);
        isProblem(deliver(mention(uniqueExternalId(), "@JaneDoeMP", text)).then(), 422, "text-too-long")
                .body("errors[0].pointer", equalTo("/text"));
    }

    @Test
    void refusesMoreThan500Mentions() {
        String one = mention("x", "@JaneDoeMP", "hi");
        String body = "{\"mentions\": [" + String.join(",", Collections.nCopies(501, one)) + "]}";
        isProblem(deliver(body).then(), 413, "too-many-items");
    }

    @Test
    void refusesABodyOverOneMebibyte() {
        String body = mention(uniqueExternalId(), "@JaneDoeMP", "a".repeat(1024 * 1024));
        isProblem(deliver(body).then(), 413, "body-too-large");
    }

    @Test
    void refusesAnotherContentType() {
        isProblem(signed(Webhooks.CURRENT_SECRET, "text/plain", utf8(validBody())).post(MENTIONS, "test").then(),
                415, "unsupported-media-type");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void refusesOtherMethodsWithProblemJson() {
        isProblem(given().get(MENTIONS, "test").then(), 405, "method-not-allowed");
    }

    @Test
    void neverLeaksInternalsInAProblem() {
        deliver("{\"platform\": ").then().statusCode(400)
                .body(org.hamcrest.Matchers.not(containsString("Exception")))
                .body(org.hamcrest.Matchers.not(containsString("at org.")));
    }
}
