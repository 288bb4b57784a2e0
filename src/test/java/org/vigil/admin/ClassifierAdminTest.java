package org.vigil.admin;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.classify.AbuseClassifier;
import org.vigil.security.Roles;
import org.vigil.support.StaffLogin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

/** Admins start a re-classification from the API or the classifier page; it is audited, and bad input is refused. */
@QuarkusTest
class ClassifierAdminTest {

    private static final String RECLASSIFY = "/api/v1/admin/classifier/reclassify";

    @Inject
    AbuseClassifier classifier;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anAdminQueuesAReclassificationAndTheAuditLogSaysWho() throws SQLException {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        int id = admin.given().contentType("application/json")
                .body(Map.of("expectedModelVersion", classifier.modelVersion()))
                .post(RECLASSIFY).then().statusCode(202)
                .body("modelVersion", equalTo(classifier.modelVersion())).body("id", notNullValue())
                .extract().path("id");

        admin.given().get("/api/v1/admin/classifier").then().statusCode(200)
                .body("modelVersion", equalTo(classifier.modelVersion()))
                .body("olderModelMentions", greaterThanOrEqualTo(0))
                .body("request.id", greaterThanOrEqualTo(id));
        assertThat(auditedBy(id)).isEqualTo(admin.username());
    }

    @Test
    void refusesAnotherModelVersionAnEmptyOneAndMalformedJsonAsProblems() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        admin.given().contentType("application/json").body(Map.of("expectedModelVersion", "abuse-1999-01-01-x"))
                .post(RECLASSIFY).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(classifier.modelVersion()));
        admin.given().contentType("application/json").body(Map.of("expectedModelVersion", " "))
                .post(RECLASSIFY).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].pointer", equalTo("/expectedModelVersion"));
        admin.given().contentType("application/json").body("{\"expectedModelVersion\": ")
                .post(RECLASSIFY).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyAdminsWithTheCsrfTokenMayAsk() {
        StaffLogin.as(Roles.REVIEWER).given().contentType("application/json").body("{}")
                .post(RECLASSIFY).then().statusCode(403).contentType("application/problem+json");
        StaffLogin.as(Roles.ADMIN).withoutCsrfToken().contentType("application/json").body("{}")
                .post(RECLASSIFY).then().statusCode(403);
    }

    @Test
    void theClassifierPageShowsTheModelAndItsButtonQueuesAReclassification() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        admin.given().get("/admin/classifier").then().statusCode(200)
                .body(containsString(classifier.modelVersion())).body(containsString("id=\"reclassify\""));
        admin.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", admin.csrfToken())
                .post("/admin/classifier/reclassify").then().statusCode(303)
                .header("Location", containsString("/admin/classifier"));
        admin.given().get("/admin/classifier").then().statusCode(200)
                .body(containsString("id=\"reclassification-state\""));
        admin.given().header("Accept-Language", "fr").get("/admin/classifier").then().statusCode(200)
                .body(containsString("Modèle en vigueur")).body(containsString("Aucun modèle fantôme ne tourne"));
    }

    private String auditedBy(int requestId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                SELECT actor FROM audit_event
                WHERE action = 'classifier.reclassify' AND object_type = 'reclassification_request' AND object_id = ?""")) {
            s.setString(1, Integer.toString(requestId));
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }
}
