package org.vigil.admin;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.StaffLogin;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class UserAdminTest {

    private static String newUsername() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void createsAUserWithAGeneratedPasswordShownOnceWhoCanThenLogIn() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        String username = newUsername();

        Response created = admin.given().contentType("application/json")
                .body(Map.of("username", username, "roles", List.of(Roles.REVIEWER))).post("/api/v1/admin/users");

        created.then().statusCode(201).body("user.username", equalTo(username)).body("user.roles", contains("reviewer"));
        String password = created.path("generatedPassword");
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        assertThat(created.asString()).doesNotContain("$2");
        StaffLogin.login(username, password);
    }

    @Test
    void changesRolesDisablesAndAuditsEachChangeWithTheAdminAsActor() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        String username = newUsername();
        int id = admin.given().contentType("application/json")
                .body(Map.of("username", username, "password", "a-long-enough-password", "roles", List.of()))
                .post("/api/v1/admin/users").then().statusCode(201).extract().path("user.id");

        admin.given().contentType("application/json").body(Map.of("roles", List.of("security", "reviewer")))
                .put("/api/v1/admin/users/{id}/roles", id).then().statusCode(200)
                .body("roles", contains("reviewer", "security"));
        admin.given().contentType("application/json").body(Map.of("enabled", false))
                .put("/api/v1/admin/users/{id}/enabled", id).then().statusCode(200).body("enabled", equalTo(false));

        admin.given().queryParam("objectType", "staff_user").queryParam("objectId", Integer.toString(id))
                .get("/api/v1/admin/audit").then().statusCode(200)
                .body("events.action", contains("user.disable", "user.roles", "user.create"))
                .body("events.actor", contains(admin.username(), admin.username(), admin.username()));
    }

    @Test
    void refusesBadFieldsWithProblemJson() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        admin.given().contentType("application/json")
                .body(Map.of("username", "<script>", "password", "short", "roles", List.of("emperor")))
                .post("/api/v1/admin/users").then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.pointer", contains("/username", "/password", "/roles"));
        admin.given().contentType("application/json").body(Map.of("username", "admin", "password", "a-long-enough-password",
                "roles", List.of())).post("/api/v1/admin/users").then().statusCode(409);
        admin.given().contentType("application/json").body("{\"username\": ").post("/api/v1/admin/users")
                .then().statusCode(400);
        admin.given().get("/api/v1/admin/users/999999999").then().statusCode(404);
    }

    @Test
    void refusesAdminApiToReviewersAndWithoutCsrfToken() {
        StaffLogin.as(Roles.REVIEWER, Roles.SECURITY).given().get("/api/v1/admin/users").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("/problems/forbidden"));
        StaffLogin.as(Roles.ADMIN).withoutCsrfToken().contentType("application/json")
                .body(Map.of("username", newUsername(), "roles", List.of())).post("/api/v1/admin/users")
                .then().statusCode(403).body("type", equalTo("/problems/csrf-token-invalid"));
    }

    @Test
    void showsUsersAndTheAuditLogInPagesWithHostileTextEscaped() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        admin.given().queryParam("actor", "<script>alert(1)</script>").get("/admin/audit").then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;"))
                .body(org.hamcrest.Matchers.not(containsString("<script>alert(1)")));
        admin.given().get("/admin/users").then().statusCode(200).body(containsString(admin.username()));
        admin.given().get("/api/v1/admin/users").then().statusCode(200).body("username", hasItem("admin"));
    }
}
