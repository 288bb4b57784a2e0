package org.vigil.admin;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.StaffLogin;
import org.vigil.support.Webhooks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class MpAdminTest {

    @Inject
    AgroalDataSource dataSource;

    private static String newHandle() {
        return "@mp" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Long mpOfMention(String mentionId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT mp_id FROM mention WHERE id = ?::uuid")) {
            s.setString(1, mentionId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                long mp = r.getLong(1);
                return r.wasNull() ? null : mp;
            }
        }
    }

    @Test
    void registersAnMpAndAttributesMentionsStoredEarlierForTheirHandle() throws SQLException {
        String handle = newHandle();
        String mention = Webhooks.deliver(Webhooks.mention(Webhooks.uniqueExternalId(), handle, "hello"))
                .then().statusCode(202).extract().path("items[0].id");
        assertThat(mpOfMention(mention)).isNull();

        int id = StaffLogin.as(Roles.ADMIN).given().contentType("application/json")
                .body(Map.of("name", "Marie Curie", "constituency", "Paris 5e", "parliamentaryGroup", "Independent",
                        "languages", List.of("fr", "en"), "accounts", List.of(Map.of("platform", "x", "handle", handle))))
                .post("/api/v1/admin/mps").then().statusCode(201)
                .body("name", equalTo("Marie Curie")).body("languages", contains("fr", "en"))
                .body("accounts[0].handle", equalTo(handle.substring(1).toLowerCase()))
                .extract().path("id");

        assertThat(mpOfMention(mention)).isEqualTo((long) id);
        Webhooks.deliver(Webhooks.mention(Webhooks.uniqueExternalId(), handle.toUpperCase(), "again"))
                .then().statusCode(202).body("items[0].mpRegistered", equalTo(true));
    }

    @Test
    void addsAndRemovesAccountsEditsDetailsAndAuditsEachChange() throws SQLException {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        int id = admin.given().contentType("application/json").body(Map.of("name", "Ada Lovelace"))
                .post("/api/v1/admin/mps").then().statusCode(201).extract().path("id");
        String handle = newHandle();
        String mention = Webhooks.deliver(Webhooks.mention(Webhooks.uniqueExternalId(), handle, "hi"))
                .then().statusCode(202).extract().path("items[0].id");

        int accountId = admin.given().contentType("application/json").body(Map.of("platform", "x", "handle", handle))
                .post("/api/v1/admin/mps/{id}/accounts", id).then().statusCode(200).extract().path("accounts[0].id");
        assertThat(mpOfMention(mention)).isEqualTo((long) id);
        admin.given().contentType("application/json").body(Map.of("name", "Ada King", "languages", List.of("en")))
                .put("/api/v1/admin/mps/{id}", id).then().statusCode(200).body("name", equalTo("Ada King"));
        admin.given().delete("/api/v1/admin/mps/{id}/accounts/{account}", id, accountId).then().statusCode(200)
                .body("accounts.size()", equalTo(0));

        admin.given().queryParam("objectType", "mp").queryParam("objectId", Integer.toString(id))
                .get("/api/v1/admin/audit").then().statusCode(200)
                .body("events.action", contains("mp.account-remove", "mp.update", "mp.account-add", "mp.create"));
    }

    @Test
    void refusesAnAccountThatAlreadyBelongsToAnMpAndBadFields() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        String handle = newHandle();
        admin.given().contentType("application/json")
                .body(Map.of("name", "First", "accounts", List.of(Map.of("platform", "x", "handle", handle))))
                .post("/api/v1/admin/mps").then().statusCode(201);

        admin.given().contentType("application/json")
                .body(Map.of("name", "Second", "accounts", List.of(Map.of("platform", "x", "handle", handle))))
                .post("/api/v1/admin/mps").then().statusCode(409).contentType("application/problem+json");
        admin.given().contentType("application/json")
                .body(Map.of("name", " ", "languages", List.of("english"))).post("/api/v1/admin/mps")
                .then().statusCode(422).body("errors.pointer", contains("/name", "/languages"));
        admin.given().contentType("application/json")
                .body(Map.of("name", "Third", "accounts", List.of(Map.of("platform", "myspace", "handle", "@x"))))
                .post("/api/v1/admin/mps").then().statusCode(422).body("errors[0].pointer", equalTo("/accounts/0/platform"));
        admin.given().get("/api/v1/admin/mps/999999999").then().statusCode(404);
    }
}
