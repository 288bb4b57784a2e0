package org.vigil.ingest;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.directory.MpDirectory;
import org.vigil.support.Webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.vigil.support.Webhooks.deliver;
import static org.vigil.support.Webhooks.mention;
import static org.vigil.support.Webhooks.uniqueExternalId;

@QuarkusTest
class MentionWebhookTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    MpDirectory directory;

    @Test
    void storesASignedMentionAndAnswersWithItsId() throws SQLException {
        String externalId = uniqueExternalId();
        String id = deliver(mention(externalId, "@JaneDoeMP", "You should resign"))
                .then().statusCode(202)
                .body("accepted", equalTo(1))
                .body("items[0].status", equalTo("accepted"))
                .body("items[0].id", notNullValue())
                .extract().path("items[0].id");

        Map<String, Object> row = mentionRow(externalId);
        assertThat(row.get("id").toString()).isEqualTo(id);
        assertThat(row.get("text")).isEqualTo("You should resign");
        assertThat(row.get("author_handle")).isEqualTo("@someone");
        // The background classifier and triage may already have picked it up.
        assertThat(row.get("state")).isIn("RECEIVED", "CLASSIFIED", "TRIAGED");
        assertThat((byte[]) row.get("raw_sha256")).hasSize(32);
    }

    @Test
    void answersARepeatedWebhookIdWithTheSameAnswerAndStoresNothingNew() throws SQLException {
        String externalId = uniqueExternalId();
        String webhookId = Webhooks.newId();
        String body = mention(externalId, "@JaneDoeMP", "first delivery");
        String first = deliver(webhookId, body).then().statusCode(202)
                .header("Idempotent-Replayed", "false").extract().asString();

        String second = deliver(webhookId, body).then().statusCode(202)
                .header("Idempotent-Replayed", "true").extract().asString();

        assertThat(second).isEqualTo(first);
        assertThat(count("SELECT count(*) FROM mention WHERE external_id = ?", externalId)).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM webhook_delivery WHERE webhook_id = ?", webhookId)).isEqualTo(1);
    }

    @Test
    void refusesAWebhookIdReusedForADifferentBody() {
        String webhookId = Webhooks.newId();
        deliver(webhookId, mention(uniqueExternalId(), "@JaneDoeMP", "one")).then().statusCode(202);

        deliver(webhookId, mention(uniqueExternalId(), "@JaneDoeMP", "two")).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/webhook-id-reused"));
    }

    @Test
    void reportsTheSameMentionInANewDeliveryAsDuplicateOfTheStoredOne() throws SQLException {
        String externalId = uniqueExternalId();
        String firstId = deliver(mention(externalId, "@JaneDoeMP", "hello")).then().statusCode(202)
                .extract().path("items[0].id");

        String webhookId = Webhooks.newId();
        String duplicate = deliver(webhookId, mention(externalId, "@JaneDoeMP", "hello")).then().statusCode(202)
                .body("accepted", equalTo(0))
                .body("duplicates", equalTo(1))
                .body("items[0].status", equalTo("duplicate"))
                .body("items[0].id", equalTo(firstId))
                .extract().asString();
        assertThat(deliver(webhookId, mention(externalId, "@JaneDoeMP", "hello")).then().statusCode(202)
                .extract().asString()).isEqualTo(duplicate);
        assertThat(count("SELECT count(*) FROM mention WHERE external_id = ?", externalId)).isEqualTo(1);
    }

    @Test
    void keepsTheValidItemsOfABatchWithInvalidOnes() throws SQLException {
        String good = uniqueExternalId();
        String alsoGood = uniqueExternalId();
        String body = """
                {"mentions": [%s,
                  {"platform": "myspace", "externalId": "", "author": {}, "postedAt": "yesterday"},
                  %s,
                  "not a mention"]}""".formatted(
                mention(good, "@JaneDoeMP", "valid one"), mention(alsoGood, "@JaneDoeMP", "valid two"));

        deliver(body).then().statusCode(202)
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(2))
                .body("items[0].status", equalTo("accepted"))
                .body("items[1].status", equalTo("rejected"))
                .body("items[1].reason", equalTo("invalid-fields"))
                .body("items[1].errors.pointer", org.hamcrest.Matchers.hasItems(
                        "/mentions/1/platform", "/mentions/1/externalId", "/mentions/1/mpHandle",
                        "/mentions/1/author", "/mentions/1/text", "/mentions/1/postedAt"))
                .body("items[2].status", equalTo("accepted"))
                .body("items[3].errors[0].pointer", equalTo("/mentions/3"));
        assertThat(count("SELECT count(*) FROM mention WHERE external_id IN (?, ?)", good, alsoGood)).isEqualTo(2);
    }

    @Test
    void keepsTheFirstOfTwoEqualMentionsInOneBatch() throws SQLException {
        String externalId = uniqueExternalId();
        String body = "{\"mentions\": [%s, %s]}".formatted(
                mention(externalId, "@JaneDoeMP", "first"), mention(externalId, "@JaneDoeMP", "second"));

        Response response = deliver(body);

        response.then().statusCode(202).body("accepted", equalTo(1)).body("duplicates", equalTo(1))
                .body("items[1].id", equalTo(response.path("items[0].id")));
        assertThat(mentionRow(externalId).get("text")).isEqualTo("first");
    }

    @Test
    void storesAMentionOfAnUnregisteredHandleAndAttributesItWhenTheMpIsRegistered() throws SQLException {
        String externalId = uniqueExternalId();
        String handle = "@Unregistered" + externalId;
        deliver(mention(externalId, handle, "hello")).then().statusCode(202)
                .body("items[0].status", equalTo("accepted"))
                .body("items[0].mpRegistered", equalTo(false));
        assertThat(mentionRow(externalId).get("mp_id")).isNull();

        long mp = directory.register("Newly Elected", Map.of("x", handle));

        assertThat(mentionRow(externalId).get("mp_id")).isEqualTo(mp);
        deliver(mention(uniqueExternalId(), handle.toLowerCase(), "again")).then().statusCode(202)
                .body("items[0].mpRegistered", equalTo(true));
    }

    @Test
    void attributesAHandleRegisteredByAnotherReplicaAndReplaysThatAnswer() throws SQLException {
        String handle = "@elsewhere" + uniqueExternalId();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("""
                     WITH mp AS (INSERT INTO mp (name) VALUES ('Registered Elsewhere') RETURNING id)
                     INSERT INTO mp_account (mp_id, platform, handle) SELECT id, 'x', ? FROM mp""")) {
            s.setString(1, handle.substring(1).toLowerCase());
            s.executeUpdate();
        }
        String webhookId = Webhooks.newId();
        String body = mention(uniqueExternalId(), handle, "hello");

        String first = deliver(webhookId, body).then().statusCode(202)
                .body("items[0].mpRegistered", equalTo(true)).extract().asString();

        assertThat(deliver(webhookId, body).then().statusCode(202).extract().asString()).isEqualTo(first);
    }

    @Test
    void acceptsAnMpIdInsteadOfAHandleAndRefusesAnUnknownOne() {
        long mp = directory.register("By Id", Map.of());
        String byId = """
                {"platform": "email", "externalId": "%s", "mp": %d, "author": {"handle": "someone@example.org"},
                 "text": "a letter", "postedAt": "2026-11-28T10:00:00+01:00"}""";

        deliver(byId.formatted(uniqueExternalId(), mp)).then().statusCode(202)
                .body("items[0].mpRegistered", equalTo(true));
        deliver(byId.formatted(uniqueExternalId(), 987654321L)).then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/mp"));
    }

    private Map<String, Object> mentionRow(String externalId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT * FROM mention WHERE platform = 'x' AND external_id = ?")) {
            s.setString(1, externalId);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("mention %s stored", externalId).isTrue();
                Map<String, Object> row = new java.util.HashMap<>();
                for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
                    row.put(r.getMetaData().getColumnName(i), r.getObject(i));
                }
                return row;
            }
        }
    }

    private long count(String sql, String... parameters) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
