package org.vigil.escalation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.Queue;
import org.vigil.support.StaffLogin;
import org.vigil.triage.HandledGroups;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reviewer decides once for a campaign or an author and marks it handled: repeats are folded into the
 * group (queued, no alert), and something more severe alerts again.
 */
@QuarkusTest
class HandledGroupTest {

    /** A threat the shipped model scores VIOLENT at least 0.8, so the default rules escalate it at once. */
    private static final String THREAT = "Traitor MP, I will kill you for betraying our farmers, resign now or you will regret it";

    @Inject
    Escalations escalations;

    @Inject
    AgroalDataSource dataSource;

    private StaffLogin.Session reviewer;
    private String run;

    @BeforeEach
    void logIn() {
        reviewer = StaffLogin.as(Roles.REVIEWER);
        run = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000));
    }

    @Test
    void aCampaignMarkedHandledFoldsRepeatsAndAlertsAgainOnSomethingMoreSevere() throws Exception {
        String handle = "@farmersMP" + run;
        List<UUID> members = escalations.deliver(handle, List.of(Map.entry("bot-a" + run, THREAT),
                Map.entry("bot-b" + run, THREAT), Map.entry("bot-c" + run, THREAT)));
        List<UUID> items = Queue.itemsOf(dataSource, members);
        await().atMost(Duration.ofSeconds(20)).until(() -> escalations.single(
                "SELECT count(*) FROM escalation_case WHERE item_id = ANY (?)", items.toArray(UUID[]::new)).equals("3"));
        assertThat(groups(items.get(2))).anySatisfy(group -> {
            assertThat(group.get("group")).isEqualTo(Map.of("kind", "CAMPAIGN", "key", campaignOf(members.get(2))));
            assertThat(group.get("size")).isEqualTo(3);
        });

        List<String> decided = reviewer.given().contentType(ContentType.JSON)
                .body("{\"group\": \"CAMPAIGN\", \"decision\": \"confirm\", \"categories\": [\"VIOLENT\"]}")
                .post("/api/v1/review/items/" + items.get(2) + "/group-decision")
                .then().statusCode(200).extract().path("decided");
        assertThat(decided).containsExactlyInAnyOrderElementsOf(items.stream().map(UUID::toString).toList());
        assertThat(escalations.column("SELECT state FROM review_item WHERE id = ANY (?)", items.toArray(UUID[]::new)))
                .containsOnly("CONFIRMED");
        assertThat(escalations.single("SELECT count(*) FROM audit_event WHERE action = 'review.confirm' "
                + "AND object_id = ANY (?::text[])", items.toArray(UUID[]::new))).isEqualTo("3");
        assertThat(groups(items.get(0))).anySatisfy(group -> assertThat(group.get("handled"))
                .asString().contains("CONFIRMED").contains(reviewer.username()));

        UUID repeat = triagedItem(handle, "bot-d" + run, THREAT);
        assertThat(escalations.single("SELECT fired_rules::text FROM review_item WHERE id = ?", repeat))
                .as("the repeat would alert on its own").contains("built-in:violent-urgent");
        assertFolded(repeat, "CAMPAIGN");

        UUID severe = triagedItem(handle, "bot-e" + run, THREAT + " we found where you park");
        assertAlertsAgain(severe, "new doxxing sign");
        assertThat(escalations.single("SELECT folded FROM handled_group WHERE kind = 'CAMPAIGN' AND group_key = ?",
                campaignOf(members.get(2)))).isEqualTo("1");
    }

    @Test
    void anAuthorMarkedHandledFoldsRepeatsAndAlertsAgainWhenTheyTurnToAnotherMp() throws Exception {
        String author = "persistent" + run;
        UUID first = triagedItem("@firstTarget" + run, author, THREAT);
        await().atMost(Duration.ofSeconds(20)).until(() -> escalations.single(
                "SELECT id FROM escalation_case WHERE item_id = ?", first) != null);

        reviewer.given().contentType(ContentType.JSON)
                .body("{\"group\": \"AUTHOR\", \"decision\": \"escalate\", \"reason\": \"known to the police\"}")
                .post("/api/v1/review/items/" + first + "/group-decision")
                .then().statusCode(200);
        assertThat(escalations.single("SELECT state FROM review_item WHERE id = ?", first)).isEqualTo("ESCALATED");

        UUID repeat = triagedItem("@firstTarget" + run, author, THREAT);
        assertFolded(repeat, "AUTHOR");
        assertThat(escalations.column("SELECT item_id FROM escalation_folded_item WHERE item_id = ?", repeat))
                .as("folded by triage, not by the escalation cool-down").isEmpty();

        UUID elsewhere = triagedItem("@secondTarget" + run, author, THREAT);
        assertAlertsAgain(elsewhere, "a new MP (@secondTarget" + run + ")");
    }

    @Test
    void aMarkOlderThanTheHandledGroupLifetimeNoLongerFoldsOrShowsAsHandled() {
        String handle = "@returnTarget" + run;
        String author = "returning" + run;
        UUID first = triagedItem(handle, author, THREAT);
        reviewer.given().contentType(ContentType.JSON).body("{\"group\": \"AUTHOR\", \"decision\": \"dismiss\"}")
                .post("/api/v1/review/items/" + first + "/group-decision")
                .then().statusCode(200);
        assertFolded(triagedItem(handle, author, THREAT), "AUTHOR");

        // The decision is now eight days old: past the seven-day lifetime.
        assertThat(escalations.single("UPDATE handled_group SET handled_at = handled_at - interval '8 days' "
                + "WHERE kind = 'AUTHOR' AND group_key LIKE '%:' || ? RETURNING kind", author)).isEqualTo("AUTHOR");
        UUID later = triagedItem(handle, author, THREAT);
        // Escalated as usual: the security unit's open case for this author takes it in (the escalation cool-down).
        await().atMost(Duration.ofSeconds(20)).until(() -> escalations.single("SELECT x.item_id FROM (SELECT item_id "
                + "FROM escalation_folded_item UNION ALL SELECT item_id FROM escalation_case) x WHERE x.item_id = ?",
                later) != null);
        assertThat(escalations.column("SELECT item_id FROM handled_group_fold WHERE item_id = ?", later)).isEmpty();
        assertThat(escalations.single("SELECT fired_rules::text FROM review_item WHERE id = ?", later))
                .doesNotContain(HandledGroups.RULE_ID);
        assertThat(groups(later)).filteredOn(group -> ((Map<?, ?>) group.get("group")).get("kind").equals("AUTHOR"))
                .singleElement().satisfies(group -> assertThat(group.get("handled")).isNull());
    }

    @Test
    void refusesAGroupTheItemIsNotInAndAnUnknownDecision() {
        UUID lone = triagedItem("@loneTarget" + run, "lone" + run, THREAT);
        reviewer.given().contentType(ContentType.JSON).body("{\"group\": \"CAMPAIGN\", \"decision\": \"dismiss\"}")
                .post("/api/v1/review/items/" + lone + "/group-decision")
                .then().statusCode(422).contentType("application/problem+json");
        reviewer.given().contentType(ContentType.JSON).body("{\"group\": \"AUTHOR\", \"decision\": \"forget\"}")
                .post("/api/v1/review/items/" + lone + "/group-decision")
                .then().statusCode(422);
        reviewer.given().contentType(ContentType.JSON).body("{\"group\": \"AUTHOR\", \"decision\": \"escalate\"}")
                .post("/api/v1/review/items/" + lone + "/group-decision")
                .then().statusCode(422);
        assertThat(escalations.single("SELECT state FROM review_item WHERE id = ?", lone)).isEqualTo("OPEN");
    }

    private UUID triagedItem(String handle, String author, String text) {
        return Queue.itemsOf(dataSource, escalations.deliver(handle, List.of(Map.entry(author, text)))).get(0);
    }

    private void assertFolded(UUID item, String kind) {
        assertThat(escalations.single("SELECT g.kind FROM handled_group_fold f JOIN handled_group g ON g.id = f.group_id "
                + "WHERE f.item_id = ?", item)).isEqualTo(kind);
        assertThat(escalations.column("SELECT id FROM escalation_case WHERE item_id = ?", item)).isEmpty();
        Map<String, Object> view = reviewer.given().get("/api/v1/review/items/" + item).then().statusCode(200)
                .extract().path("$");
        assertThat(((Map<?, ?>) view.get("foldedInto")).get("kind")).isEqualTo(kind);
        assertThat(((Map<?, ?>) view.get("item")).get("tags")).asString().contains("folded");
    }

    private void assertAlertsAgain(UUID item, String news) throws Exception {
        UUID caseId = UUID.fromString(await().atMost(Duration.ofSeconds(20)).until(() -> escalations.single(
                "SELECT id::text FROM escalation_case WHERE item_id = ?", item), id -> id != null));
        MimeMessage alert = await().atMost(Duration.ofSeconds(20)).until(() -> Escalations.received(caseId).stream()
                .findFirst().orElse(null), email -> email != null);
        assertThat(EscalationEmailTest.part(alert, "text/plain")).contains(news);
        assertThat(escalations.column("SELECT item_id FROM handled_group_fold WHERE item_id = ?", item)).isEmpty();
    }

    private List<Map<String, Object>> groups(UUID item) {
        return reviewer.given().get("/api/v1/review/items/" + item).then().statusCode(200).extract().path("groups");
    }

    private String campaignOf(UUID mention) {
        return escalations.single("SELECT campaign_id::text FROM campaign_member WHERE mention_id = ?", mention);
    }
}
