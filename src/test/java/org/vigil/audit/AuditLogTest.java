package org.vigil.audit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.security.StaffAccounts;
import org.vigil.support.StaffLogin;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
class AuditLogTest {

    @Inject
    AuditLog audit;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StaffAccounts accounts;

    private List<AuditEvent> eventsAbout(String objectType, String objectId) {
        return audit.search(new AuditQuery(Optional.empty(), Optional.empty(), Optional.of(objectType),
                Optional.of(objectId), Optional.empty(), Optional.empty(), Optional.empty(), 50)).events();
    }

    @Test
    void refusesUpdateDeleteAndTruncateOfAuditEvents() throws SQLException {
        audit.record("test.append-only", "test", "1", null, Map.of("n", 1));
        for (String statement : List.of("UPDATE audit_event SET actor = 'someone else'",
                "DELETE FROM audit_event", "TRUNCATE audit_event")) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                assertThatThrownBy(() -> s.execute(statement)).isInstanceOf(SQLException.class)
                        .hasMessageContaining("append-only");
            }
        }
        assertThat(eventsAbout("test", "1")).isNotEmpty();
    }

    @Test
    void rollsBackWithTheCallersTransaction() {
        String id = UUID.randomUUID().toString();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            audit.record("test.rolled-back", "test", id, null, null);
            throw new IllegalStateException("the caller's change fails");
        })).isInstanceOf(IllegalStateException.class);
        QuarkusTransaction.requiringNew().run(() -> audit.record("test.committed", "test", id, null, null));

        assertThat(eventsAbout("test", id)).extracting(AuditEvent::action).containsExactly("test.committed");
    }

    @Test
    void recordsLoginFailedLoginAndLogout() {
        String username = StaffLogin.account(Roles.REVIEWER);
        StaffLogin.postLoginForm(username, "not-the-password");
        StaffLogin.Session session = StaffLogin.login(username, StaffLogin.PASSWORD);
        session.given().contentType("application/x-www-form-urlencoded").formParam("csrf-token", session.csrfToken())
                .post("/logout").then().statusCode(303);

        List<AuditEvent> events = eventsAbout("staff_user", username);
        assertThat(events).extracting(AuditEvent::action).contains("login.failed", "login", "logout");
        assertThat(events).filteredOn(e -> e.action().equals("login")).first()
                .extracting(AuditEvent::actor).isEqualTo(username);
        assertThat(events).filteredOn(e -> e.action().equals("login.failed")).first()
                .extracting(AuditEvent::actor).isEqualTo(AuditLog.ANONYMOUS);
    }

    @Test
    void recordsAccountChangesWithBeforeAndAfterButNeverThePasswordHash() {
        String username = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        long id = accounts.create(username, "a-long-enough-password", List.of(Roles.REVIEWER));
        accounts.setRoles(id, List.of(Roles.REVIEWER, Roles.SECURITY));

        List<AuditEvent> events = eventsAbout("staff_user", Long.toString(id));
        AuditEvent roles = events.get(0);
        assertThat(roles.action()).isEqualTo("user.roles");
        assertThat(roles.before()).hasValueSatisfying(json -> assertThat(json).contains("\"reviewer\"").doesNotContain("security"));
        assertThat(roles.after()).hasValueSatisfying(json -> assertThat(json).contains("\"security\""));
        assertThat(events).extracting(AuditEvent::action).contains("user.create");
        assertThat(events).allSatisfy(e -> assertThat(e.after().orElse("")).doesNotContain("$2"));
    }

    @Test
    void searchesByActorAndDateRangeNewestFirstInPages() {
        String actor = "searcher-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            audit.recordAs(actor, "test.search", "test", Integer.toString(i), null, null);
        }
        java.time.Instant now = java.time.Instant.now();

        AuditPage first = audit.search(new AuditQuery(Optional.of(actor), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(now.minusSeconds(60)), Optional.of(now.plusSeconds(60)), Optional.empty(), 2));
        AuditPage second = audit.search(new AuditQuery(Optional.of(actor), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), first.next(), 2));
        AuditPage before = audit.search(new AuditQuery(Optional.of(actor), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(now.minusSeconds(60)), Optional.empty(), 2));

        assertThat(first.events()).extracting(e -> e.objectId().orElseThrow()).containsExactly("2", "1");
        assertThat(first.next()).isPresent();
        assertThat(second.events()).extracting(e -> e.objectId().orElseThrow()).containsExactly("0");
        assertThat(second.next()).isEmpty();
        assertThat(before.events()).isEmpty();
    }
}
