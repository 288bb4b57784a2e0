package org.vigil.admin;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.StaffLogin;
import org.vigil.support.Webhooks;
import org.vigil.webhook.IntegrationRegistry;
import org.vigil.webhook.IntegrationRepository;
import org.vigil.webhook.WebhookSecret;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class IntegrationAdminTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    IntegrationRepository repository;

    @Inject
    IntegrationRegistry registry;

    private static String newName() {
        return "press-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static int deliver(String integration, String secret) {
        byte[] body = Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP", "hello").getBytes(StandardCharsets.UTF_8);
        return Webhooks.signed(WebhookSecret.parse(secret), "application/json", body)
                .post(Webhooks.MENTIONS, integration).statusCode();
    }

    private record Created(int id, String secret) {
    }

    private static Created create(StaffLogin.Session admin, String name) {
        var response = admin.given().contentType("application/json").body(Map.of("name", name))
                .post("/api/v1/admin/integrations").then().statusCode(201)
                .body("integration.name", equalTo(name)).body("integration.inForce", equalTo(true)).extract();
        return new Created(response.path("integration.id"), response.path("secret"));
    }

    @Test
    void createsAnIntegrationWhoseSecretIsShownOnceStoredEncryptedAndSignsDeliveries() throws SQLException {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        String name = newName();
        Created created = create(admin, name);

        assertThat(deliver(name, created.secret())).isEqualTo(202);
        assertThat(admin.given().get("/api/v1/admin/integrations/{id}", created.id()).asString())
                .doesNotContain(created.secret().substring(6));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT secret, encrypted FROM integration_secret WHERE integration_id = ?")) {
            s.setLong(1, created.id());
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isNull();
                assertThat(new String(r.getBytes(2), StandardCharsets.ISO_8859_1)).doesNotContain(created.secret().substring(6));
            }
        }
    }

    @Test
    void keepsTheOldSecretForTheGracePeriodTheAdminChose() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        String name = newName();
        Created created = create(admin, name);

        String second = admin.given().contentType("application/json").body(Map.of("graceMinutes", 60))
                .post("/api/v1/admin/integrations/{id}/rotate", created.id()).then().statusCode(200)
                .extract().path("secret");
        assertThat(deliver(name, created.secret())).isEqualTo(202);
        assertThat(deliver(name, second)).isEqualTo(202);

        String third = admin.given().contentType("application/json").body(Map.of("graceMinutes", 0))
                .post("/api/v1/admin/integrations/{id}/rotate", created.id()).then().statusCode(200)
                .extract().path("secret");
        assertThat(deliver(name, created.secret())).isEqualTo(401);
        assertThat(deliver(name, second)).isEqualTo(401);
        assertThat(deliver(name, third)).isEqualTo(202);
        admin.given().queryParam("objectType", "integration").queryParam("objectId", Integer.toString(created.id()))
                .get("/api/v1/admin/audit").then().statusCode(200)
                .body("events.action", org.hamcrest.Matchers.contains("integration.rotate", "integration.rotate",
                        "integration.create"));
    }

    @Test
    void refusesDeliveriesOfARevokedIntegration() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        String name = newName();
        Created created = create(admin, name);

        admin.given().post("/api/v1/admin/integrations/{id}/revoke", created.id()).then().statusCode(200)
                .body("inForce", equalTo(false));

        assertThat(deliver(name, created.secret())).isEqualTo(404);
        admin.given().contentType("application/json").body(Map.of("graceMinutes", 5))
                .post("/api/v1/admin/integrations/{id}/rotate", created.id()).then().statusCode(409);
    }

    @Test
    void leavesIntegrationsFromConfigurationToConfiguration() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        long configured = registry.all().stream().filter(s -> s.name().equals("test")).findFirst().orElseThrow().id();

        admin.given().contentType("application/json").body(Map.of("graceMinutes", 5))
                .post("/api/v1/admin/integrations/{id}/rotate", configured).then().statusCode(409)
                .contentType("application/problem+json");
        admin.given().contentType("application/json").body(Map.of("name", "test"))
                .post("/api/v1/admin/integrations").then().statusCode(409);
    }

    @Test
    void dropsAnIntegrationFromConfigurationOnceItsVariableIsGone() throws SQLException {
        String name = "gone-" + UUID.randomUUID().toString().substring(0, 8);
        repository.upsert(name, IntegrationRepository.Source.CONFIGURED);

        registry.reload();

        assertThat(registry.find(name)).isEmpty();
        assertThat(registry.find("test")).isPresent();
    }

    @Test
    void refusesBadNamesAndGracePeriods() {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        admin.given().contentType("application/json").body(Map.of("name", "Bad Name!"))
                .post("/api/v1/admin/integrations").then().statusCode(422).body("errors[0].pointer", equalTo("/name"));
        Created created = create(admin, newName());
        admin.given().contentType("application/json").body(Map.of("graceMinutes", -1))
                .post("/api/v1/admin/integrations/{id}/rotate", created.id()).then().statusCode(422);
        admin.given().contentType("application/json").body(Map.of())
                .post("/api/v1/admin/integrations/{id}/rotate", created.id()).then().statusCode(422);
        admin.given().post("/api/v1/admin/integrations/999999/revoke").then().statusCode(404);
    }
}
