package org.vigil.triage.rules;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.audit.AuditEvent;
import org.vigil.audit.AuditLog;
import org.vigil.audit.AuditQuery;
import org.vigil.escalation.Escalations;
import org.vigil.security.Roles;
import org.vigil.support.StaffLogin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Rule edits are audited; a draft is tried on recent mentions without any side effect, and bad drafts or days are refused. */
@QuarkusTest
class RuleTrialApiTest {

    /** Fires on every classified or unclassifiable mention, and escalates it. */
    private static final Map<String, Object> EVERYTHING = Map.of("id", "trial-everything",
            "when", Map.of("anyOf", List.of(Map.of("flagged", true), Map.of("nearMiss", Map.of("margin", 1.0)),
                    Map.of("unclassifiable", true))),
            "priority", "P1", "escalate", true);
    /** What a trial must not add to; tiers and notices of earlier cases may add other emails meanwhile. */
    private static final List<String> ROWS = List.of("mention_signature", "campaign", "campaign_member", "review_item",
            "escalation_case", "escalation_outbox WHERE kind = 'ALERT'", "triage_rule_set");

    @Inject
    Escalations escalations;

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void savingRulesWritesAnAuditEventNamingTheUserAndBothVersions() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        JsonPath current = admin.given().get("/api/v1/escalation/rules").then().statusCode(200).extract().jsonPath();
        int version = current.getInt("version");
        Map<String, Object> file = current.getMap("file");
        String label = "audited-" + UUID.randomUUID();
        file.put("version", label);

        admin.given().contentType(ContentType.JSON).body(Map.of("basedOn", version, "file", file))
                .put("/api/v1/escalation/rules").then().statusCode(200).body("version", equalTo(version + 1));

        List<AuditEvent> events = audit.search(new AuditQuery(Optional.empty(), Optional.of("rules.save"),
                Optional.of("triage_rule_set"), Optional.of(Integer.toString(version + 1)), Optional.empty(),
                Optional.empty(), Optional.empty(), 10)).events();
        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.actor()).isEqualTo(admin.username());
            assertThat(JsonPath.from(event.before().orElseThrow()).getInt("version")).isEqualTo(version);
            assertThat(JsonPath.from(event.after().orElseThrow()).getInt("version")).isEqualTo(version + 1);
            assertThat(JsonPath.from(event.after().orElseThrow()).getString("label")).isEqualTo(label);
        });
    }

    @Test
    void triesADraftOnRecentMentionsComparedWithTheRulesInForceAndWritesNothing() throws SQLException {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        UUID quiet = escalations.classifiedMention("Thank you for opening the new library on Saturday");
        await().atMost(Duration.ofSeconds(20)).until(() -> "TRIAGED".equals(
                escalations.single("SELECT state FROM mention WHERE id = ?", quiet)));
        await().atMost(Duration.ofSeconds(20)).until(() -> escalations.single(
                "SELECT count(*) FROM mention WHERE state <> 'TRIAGED' AND id <> ?", quiet).equals("0"));
        Map<String, Object> draft = draftWith(admin, EVERYTHING);
        List<Long> before = counts();

        JsonPath report = admin.given().contentType(ContentType.JSON).body(Map.of("days", 1, "file", draft))
                .post("/api/v1/escalation/rules/try").then().statusCode(200).extract().jsonPath();

        int mentions = report.getInt("mentions");
        assertThat(mentions).isPositive();
        assertThat(report.getInt("rules.find { it.ruleId == 'trial-everything' }.draft")).isEqualTo(mentions);
        assertThat(report.getInt("rules.find { it.ruleId == 'trial-everything' }.inForce")).isZero();
        assertThat(report.getInt("escalationsGained")).isPositive();
        assertThat(report.getInt("escalationsLost")).isZero();
        assertThat(report.getList("priorityChanges.to", String.class)).isNotEmpty().containsOnly("P1");
        assertThat(report.getList("sample")).isNotEmpty().hasSizeLessThanOrEqualTo(RuleTrial.SAMPLE_SIZE);
        assertThat(report.getList("sample.draftRules.flatten()", String.class)).contains("trial-everything");
        assertThat(report.getMap("sample[0]")).containsKeys("mentionId", "mpId", "platform").doesNotContainKey("text");
        assertThat(counts()).as("rows of " + ROWS).isEqualTo(before);
    }

    @Test
    void refusesAnInvalidDraftNamingTheRuleAndDaysOutOfRange() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        Map<String, Object> broken = draftWith(admin, Map.of("id", "too-eager", "when",
                Map.of("repeatOffender", Map.of("count", 0, "window", "P1D")), "priority", "P2"));

        admin.given().contentType(ContentType.JSON).body(Map.of("days", 7, "file", broken))
                .post("/api/v1/escalation/rules/try").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("/problems/invalid-rules"))
                .body("errors[0].detail", startsWith("rule 'too-eager': "));
        Map<String, Object> valid = draftWith(admin, EVERYTHING);
        for (Object days : List.of(0, 91, -3, 7.5, "a week")) {
            admin.given().contentType(ContentType.JSON).body(Map.of("days", days, "file", valid))
                    .post("/api/v1/escalation/rules/try").then().statusCode(422)
                    .contentType("application/problem+json").body("errors[0].pointer", equalTo("/days"));
        }
        admin.given().contentType(ContentType.JSON).body(Map.of("file", valid))
                .post("/api/v1/escalation/rules/try").then().statusCode(422).body("errors[0].pointer", equalTo("/days"));
        admin.given().contentType(ContentType.JSON).body(Map.of("days", 7))
                .post("/api/v1/escalation/rules/try").then().statusCode(422).body("errors[0].pointer", equalTo("/file"));
        admin.given().contentType(ContentType.JSON).body("{\"days\": 7, \"file\": ")
                .post("/api/v1/escalation/rules/try").then().statusCode(400).contentType("application/problem+json");
    }

    /** The rules in force with one more rule at the end. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> draftWith(StaffLogin.Session admin, Map<String, Object> rule) {
        Map<String, Object> file = admin.given().get("/api/v1/escalation/rules").then().statusCode(200)
                .extract().path("file");
        List<Object> rules = new ArrayList<>((List<Object>) file.get("rules"));
        rules.add(rule);
        file.put("rules", rules);
        file.put("version", "draft");
        return file;
    }

    private List<Long> counts() throws SQLException {
        List<Long> counts = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            for (String rows : ROWS) {
                try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM " + rows);
                     ResultSet r = s.executeQuery()) {
                    r.next();
                    counts.add(r.getLong(1));
                }
            }
        }
        return counts;
    }
}
