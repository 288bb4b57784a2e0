package org.vigil.escalation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.vigil.audit.AuditLog;
import org.vigil.audit.AuditQuery;
import org.vigil.security.Roles;
import org.vigil.support.StaffLogin;
import org.vigil.triage.Priority;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Admins change the recipients per priority and the tiers at runtime; the change is validated, audited and used at once. */
@QuarkusTest
class RecipientListsTest {

    @Inject
    RecipientDirectory directory;

    @Inject
    Escalations escalations;

    @Inject
    AuditLog audit;

    @AfterEach
    void backToTheConfiguration() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        for (String list : new String[] {"p1", "p2", "p3", "p4", "tiers"}) {
            admin.given().delete("/api/v1/escalation/recipients/" + list).then().statusCode(200);
        }
    }

    @Test
    void aStoredListReplacesTheConfiguredOneUntilResetAndAlertsGoToIt() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        List<Recipient> configured = directory.forPriority(Priority.P3);
        admin.given().get("/api/v1/escalation/recipients").then().statusCode(200)
                .body("find { it.list == 'P3' }.stored", equalTo(null))
                .body("find { it.list == 'P1' }.configured", equalTo("duty@security.test, fr:permanence@security.test"));

        admin.given().contentType(ContentType.JSON).body(Map.of("recipients", " ops@security.test ,fr:veille@security.test"))
                .put("/api/v1/escalation/recipients/p3").then().statusCode(200)
                .body("stored", equalTo("ops@security.test, fr:veille@security.test"))
                .body("inForce", equalTo("en:ops@security.test, fr:veille@security.test"))
                .body("updatedBy", equalTo(admin.username()));
        assertThat(directory.forPriority(Priority.P3)).containsExactly(new Recipient("ops@security.test", "en"),
                new Recipient("veille@security.test", "fr"));
        assertThat(audit.search(new AuditQuery(Optional.of(admin.username()), Optional.of("escalation.recipients.set"),
                Optional.of("escalation_recipient_list"), Optional.of("p3"), Optional.empty(), Optional.empty(), Optional.empty(), 10))
                .events()).isNotEmpty().first().satisfies(event -> {
                    assertThat(event.before().orElseThrow()).contains("configuration");
                    assertThat(event.after().orElseThrow()).contains("veille@security.test");
                });

        UUID caseId = escalations.raise(escalations.classifiedMention("You will regret this, see you soon"), Priority.P3);
        await().atMost(Duration.ofSeconds(15)).until(() -> escalations.column(
                "SELECT recipient FROM escalation_outbox WHERE case_id = ? AND state = 'SENT'", caseId).size() == 2);
        assertThat(escalations.column("SELECT recipient || ' ' || lang FROM escalation_outbox WHERE case_id = ?", caseId))
                .containsExactlyInAnyOrder("ops@security.test en", "veille@security.test fr");

        admin.given().delete("/api/v1/escalation/recipients/p3").then().statusCode(200).body("stored", equalTo(null));
        assertThat(directory.forPriority(Priority.P3)).isEqualTo(configured);
    }

    @Test
    void storedTiersReplaceTheConfiguredChain() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        assertThat(directory.tier(0)).containsExactly(new Recipient("officer@security.test", "en"));

        admin.given().contentType(ContentType.JSON).body(Map.of("recipients", "first@security.test; fr:second@security.test"))
                .put("/api/v1/escalation/recipients/tiers").then().statusCode(200);

        assertThat(directory.tier(0)).containsExactly(new Recipient("first@security.test", "en"));
        assertThat(directory.tier(7)).containsExactly(new Recipient("second@security.test", "fr"));
    }

    @Test
    void refusesABadListWholeNamingTheEntry() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        for (Map.Entry<String, String> bad : Map.of(
                "ok@security.test, not an address", "recipient 'not an address': not an email address",
                "de:dienst@security.test", "recipient 'de:dienst@security.test': language must be one of [en, fr]",
                "a@security.test; b@security.test", "separate the addresses of P2 with commas").entrySet()) {
            admin.given().contentType(ContentType.JSON).body(Map.of("recipients", bad.getKey()))
                    .put("/api/v1/escalation/recipients/p2").then().statusCode(422)
                    .contentType("application/problem+json").body("type", equalTo("/problems/invalid-fields"))
                    .body("errors[0].pointer", equalTo("/recipients"))
                    .body("errors[0].detail", containsString(bad.getValue()));
        }
        admin.given().contentType(ContentType.JSON).body(Map.of("recipients", " , "))
                .put("/api/v1/escalation/recipients/p1").then().statusCode(422)
                .body("errors[0].detail", containsString("P1 needs at least one address"));
        admin.given().contentType(ContentType.JSON).body(Map.of("recipients", "x".repeat(4001) + "@security.test"))
                .put("/api/v1/escalation/recipients/p2").then().statusCode(422);
        admin.given().contentType(ContentType.JSON).body("{}")
                .put("/api/v1/escalation/recipients/p2").then().statusCode(422);
        admin.given().contentType(ContentType.JSON).body(Map.of("recipients", "ok@security.test"))
                .put("/api/v1/escalation/recipients/p9").then().statusCode(404).contentType("application/problem+json");
        assertThat(directory.forPriority(Priority.P2)).containsExactly(new Recipient("duty@security.test", "en"));
    }

    @Test
    void thePageSaysWhichListAppliesAndShowsARefusal() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        admin.given().contentType("application/x-www-form-urlencoded").formParam("recipients", "desk@security.test")
                .post("/admin/recipients/p4").then().statusCode(303);
        admin.given().get("/admin/recipients").then().statusCode(200)
                .body(containsString("en:desk@security.test"))
                .body(containsString("saved by " + admin.username()));
        admin.given().contentType("application/x-www-form-urlencoded").formParam("recipients", "<b>nobody</b>")
                .post("/admin/recipients/p4").then().statusCode(422)
                .body(containsString("recipient &#39;&lt;b&gt;nobody&lt;/b&gt;&#39;: not an email address"));
        admin.given().contentType("application/x-www-form-urlencoded").formParam("ignored", "x")
                .post("/admin/recipients/p4/reset").then().statusCode(303);
        assertThat(directory.forPriority(Priority.P4)).isEmpty();
    }
}
