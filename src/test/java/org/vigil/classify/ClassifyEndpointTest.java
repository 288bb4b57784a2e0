package org.vigil.classify;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.vigil.support.Webhooks;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ClassifyEndpointTest {

    private static final String CLASSIFY = "/api/v1/webhooks/{integration}/classify";

    private static ValidatableResponse classify(String body) {
        return Webhooks.signed(Webhooks.newId(), Instant.now().getEpochSecond(), body).post(CLASSIFY, "test").then();
    }

    private static String request(String text) {
        return "{\"text\": \"" + text + "\", \"lang\": null}";
    }

    @Test
    void scoresAThreatAsViolentAndSaysWhy() {
        classify(request("I know where you live and I will kill you"))
                .statusCode(200)
                .body("labels", hasItem("VIOLENT"))
                .body("scores.VIOLENT", greaterThan(0.5f))
                .body("lang", equalTo("en"))
                .body("modelVersion", notNullValue())
                .body("explanation.VIOLENT.size()", greaterThan(0))
                .body("explanation.VIOLENT.feature", everyItem(notNullValue()));
    }

    @Test
    void leavesHarshPoliticalCriticismUnlabelled() {
        classify(request("Resign now, you incompetent liar. Your budget is a disgrace."))
                .statusCode(200)
                .body("labels.size()", equalTo(0))
                .body("scores.VIOLENT", lessThan(0.5f));
    }

    @Test
    void honoursTheCallersLanguage() {
        classify("{\"text\": \"Démissionnez, votre politique est un échec\", \"lang\": \"fr\"}")
                .statusCode(200).body("lang", equalTo("fr"));
    }

    @Test
    void scoresTextsWithoutWordsRatherThanFailing() {
        classify(request("")).statusCode(200).body("scores.VIOLENT", notNullValue());
        classify(request("\uD83D\uDE00\uD83D\uDE00\uD83D\uDC4D")).statusCode(200).body("scores.RACIST", notNullValue());
        classify(request("https://example.org/a https://example.org/b")).statusCode(200);
        classify(request("שלום مرحبا hello Привет")).statusCode(200).body("scores.SEXIST", notNullValue());
    }

    @Test
    void refusesTextOverTheMaximumWithAClearProblem() {
        classify(request("a".repeat(100_000))).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/text-too-long"));
    }

    @Test
    void refusesMissingOrMistypedFields() {
        classify("{\"lang\": 5}").statusCode(422)
                .body("errors.pointer", hasItem("/text"))
                .body("errors.pointer", hasItem("/lang"));
    }

    @Test
    void refusesALoneSurrogateInTheTextNamingTheField() {
        classify(request("kill \\ud800 you")).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-fields"))
                .body("errors[0].pointer", equalTo("/text"));
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xFF, '"', '}'};
        Webhooks.signed(Webhooks.CURRENT_SECRET, "application/json", body).post(CLASSIFY, "test")
                .then().statusCode(400).body("type", equalTo("/problems/malformed-json"));
    }

    @Test
    void refusesAReplayedRequest() {
        String id = Webhooks.newId();
        long now = Instant.now().getEpochSecond();
        Webhooks.signed(id, now, request("hello")).post(CLASSIFY, "test").then().statusCode(200);

        Webhooks.signed(id, now, request("hello")).post(CLASSIFY, "test").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/webhook-id-replayed"));
    }

    @Test
    void refusesAnUnsignedRequest() {
        given().contentType("application/json").body(request("hello")).post(CLASSIFY, "test")
                .then().statusCode(401).body("type", equalTo("/problems/signature-missing"));
    }
}
