package org.vigil.escalation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.StaffLogin;
import org.vigil.triage.Priority;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.vigil.support.PagingChecks.refused;

/** The escalation API: roles, the sent list, resending, case actions and rule edits with precise problems. */
@QuarkusTest
class EscalationApiTest {

    @Inject
    Escalations escalations;

    @Test
    void refusesAnonymousCallers() {
        RestAssured.given().get("/api/v1/escalation/emails").then().statusCode(401);
        RestAssured.given().get("/api/v1/escalation/rules").then().statusCode(401);
    }

    @Test
    void letsTheSecurityUnitListSentEmailsButNotResendThem() {
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);
        UUID caseId = escalations.raise(escalations.classifiedMention("I will find you"), Priority.P2);
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(
                escalations.single("SELECT state FROM escalation_outbox WHERE case_id = ?", caseId)));

        session.given().get("/api/v1/escalation/emails?state=SENT&limit=500").then().statusCode(200)
                .body("caseId", hasItem(caseId.toString()));
        session.given().post("/api/v1/escalation/emails/1/resend").then().statusCode(403);
        refused(session.given().get("/api/v1/escalation/emails?state=LOST"), "?state")
                .body("errors[0].detail", containsString("[PENDING, SENT, DEAD]"));
    }

    @Test
    void resendsOnlyDeadEmails() {
        StaffLogin.Session session = StaffLogin.as(Roles.ADMIN);
        UUID caseId = escalations.raise(escalations.classifiedMention("You are next"), Priority.P2);
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(
                escalations.single("SELECT state FROM escalation_outbox WHERE case_id = ?", caseId)));
        String id = escalations.single("SELECT id FROM escalation_outbox WHERE case_id = ?", caseId);

        session.given().post("/api/v1/escalation/emails/" + id + "/resend").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("/problems/not-in-dead-letter"));
        session.given().post("/api/v1/escalation/emails/999999999/resend").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void resolvesACaseOnceAndTellsEveryoneAlerted() {
        StaffLogin.Session session = StaffLogin.as(Roles.SECURITY);
        UUID caseId = escalations.raise(escalations.classifiedMention("We will come for you"), Priority.P2);

        session.given().post("/api/v1/escalation/cases/" + caseId + "/resolve").then().statusCode(204);
        session.given().post("/api/v1/escalation/cases/" + caseId + "/resolve").then().statusCode(409)
                .body("type", equalTo("/problems/case-closed"));
        session.given().post("/api/v1/escalation/cases/" + UUID.randomUUID() + "/acknowledge").then().statusCode(404);
        await().atMost(Duration.ofSeconds(15)).until(() -> escalations.column(
                "SELECT recipient FROM escalation_outbox WHERE case_id = ? AND kind = 'RESOLVED' AND state = 'SENT'",
                caseId).contains("duty@security.test"));
        session.given().post("/api/v1/escalation/cases/not-a-uuid/resolve").then().statusCode(404);
    }

    @Test
    void refusesAnInvalidRuleEditWholeNamingTheRuleAndSavesAValidOneAsTheNextVersion() {
        StaffLogin.Session session = StaffLogin.as(Roles.ADMIN);
        int version = session.given().get("/api/v1/escalation/rules").then().statusCode(200).extract().path("version");
        Map<String, Object> file = session.given().get("/api/v1/escalation/rules").then().extract().path("file");

        String invalid = """
                {"basedOn": %d, "file": {"version": "broken", "rules": [
                  {"id": "ok", "when": {"flagged": true}, "priority": "P4"},
                  {"id": "pile-on", "when": {"pileOn": {"count": 0, "window": "PT1H"}}, "priority": "P2"}]}}"""
                .formatted(version);
        session.given().contentType(ContentType.JSON).body(invalid).put("/api/v1/escalation/rules").then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("/problems/invalid-rules"))
                .body("errors[0].detail", startsWith("rule 'pile-on': pileOn \"count\" must be a whole number"));
        session.given().get("/api/v1/escalation/rules").then().body("version", equalTo(version));

        file.put("version", "edited-" + UUID.randomUUID());
        Map<String, Object> edit = Map.of("basedOn", version, "file", file);
        session.given().contentType(ContentType.JSON).body(edit).put("/api/v1/escalation/rules").then().statusCode(200)
                .body("version", equalTo(version + 1));
        session.given().get("/api/v1/escalation/rules").then().body("version", equalTo(version + 1))
                .body("file.version", equalTo(file.get("version")));
        session.given().contentType(ContentType.JSON).body(edit).put("/api/v1/escalation/rules").then().statusCode(409)
                .body("type", equalTo("/problems/rules-changed"));
        session.given().contentType(ContentType.JSON).body("{\"basedOn\": 1, \"file\": ").put("/api/v1/escalation/rules")
                .then().statusCode(400).body("type", containsString("malformed-json"));
    }
}
