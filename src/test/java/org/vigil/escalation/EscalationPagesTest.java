package org.vigil.escalation;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.vigil.security.Roles;
import org.vigil.support.StaffLogin;
import org.vigil.triage.Priority;
import org.vigil.triage.rules.RuleService;
import org.vigil.web.Languages;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

/** The escalation pages as forms: refusals shown on the page with nothing changed, and hostile strings escaped. */
@QuarkusTest
class EscalationPagesTest {

    @Inject
    Escalations escalations;

    @Inject
    OutboxRepository outbox;

    @Inject
    RuleService rules;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EscalationConfig config;

    private static RequestSpecification form(StaffLogin.Session session) {
        return session.given().contentType("application/x-www-form-urlencoded");
    }

    @Test
    void theSecurityPageEscapesWhatEmailsSay() {
        UUID caseId = escalations.raise(escalations.classifiedMention("Count your days"), Priority.P2);
        String hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        QuarkusTransaction.requiringNew().call(() -> {
            outbox.add(new OutboxEmail(caseId, EmailKind.ALERT, new Recipient("duty@security.test", "en"),
                    "<hostile." + caseId + "@localhost>", Optional.empty(), hostile, "text", "<p>html</p>"), Instant.now());
            return null;
        });

        StaffLogin.as(Roles.SECURITY).given().get("/escalation").then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"))
                .body(not(containsString("<script>alert")))
                .body(not(containsString("<img src=x")));
    }

    @Test
    void theSecurityPageSaysHowManyUnresolvedCasesItShows() {
        escalations.raise(escalations.classifiedMention("We are watching your surgery"), Priority.P2);
        int before = Integer.parseInt(escalations.single(
                "SELECT count(*) FROM escalation_case WHERE state <> ?", "RESOLVED"));
        String page = StaffLogin.as(Roles.SECURITY).given().get("/escalation").then().statusCode(200)
                .extract().asString();
        int after = Integer.parseInt(escalations.single(
                "SELECT count(*) FROM escalation_case WHERE state <> ?", "RESOLVED"));

        Matcher shown = Pattern.compile("<p id=\"cases-shown\">(\\d+) unresolved cases in all; (\\d+) on this page\\.</p>")
                .matcher(page);
        assertThat(shown.find()).as(page).isTrue();
        int total = Integer.parseInt(shown.group(1));
        // Other tests' cases may be raised meanwhile: the page counted between the two reads.
        assertThat(total).isBetween(before, after);
        assertThat(Integer.parseInt(shown.group(2))).isEqualTo(Math.min(total, EscalationOverview.ROWS));
        StaffLogin.as(Roles.SECURITY).given().cookie(Languages.COOKIE, "fr").get("/escalation").then().statusCode(200)
                .body(containsString("dossiers non résolus en tout ; "));
    }

    @Test
    void theSecurityPageNamesTheMailboxFileOfAnEmailWrittenToTheFolder() {
        UUID caseId = escalations.raise(escalations.classifiedMention("Your office will burn"), Priority.P2);
        String messageId = "<mailbox-page." + caseId + "@localhost>";
        QuarkusTransaction.requiringNew().call(() -> {
            outbox.add(new OutboxEmail(caseId, EmailKind.ALERT, new Recipient("desk@security.test", "en"), messageId,
                    Optional.empty(), "written to the folder", "text", "<p>html</p>"), Instant.now());
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                    "UPDATE escalation_outbox SET state = 'SENT', transport = 'mailbox', sent_at = now() WHERE message_id = ?")) {
                s.setString(1, messageId);
                return s.executeUpdate();
            }
        });

        StaffLogin.as(Roles.SECURITY).given().get("/escalation").then().statusCode(200)
                .body(containsString("they were written to the mailbox folder " + Path.of(
                        config.mailboxDirectory()).toAbsolutePath()))
                .body(containsString(MailboxTransport.fileName(messageId)));
    }

    @Test
    void theRulesPageRefusesAStaleOrInvalidEditAndSavesNothing() throws Exception {
        StaffLogin.Session admin = StaffLogin.as(Roles.ADMIN);
        int version = rules.current().version();
        String text = rules.current().text();

        form(admin).formParam("file", text).formParam("basedOn", version - 1).formParam("days", "7")
                .post("/admin/rules").then().statusCode(409)
                .body(containsString("the rules changed since version " + (version - 1)));
        form(admin).formParam("file", "{\"version\": \"x\", \"rules\": [{\"id\": \"<b>bold</b>\", \"when\": {}}]}")
                .formParam("basedOn", version).post("/admin/rules").then().statusCode(422)
                .body(containsString("rule &#39;&lt;b&gt;bold&lt;/b&gt;&#39;"))
                .body(containsString("&lt;b&gt;bold&lt;/b&gt;"))
                .body(not(containsString("<b>bold</b>")));
        form(admin).formParam("file", text).formParam("basedOn", version).formParam("days", "365")
                .post("/admin/rules/try").then().statusCode(422).body(containsString("days must be a whole number from 1 to 90"));
        form(admin).formParam("file", text).formParam("basedOn", version).formParam("days", "7")
                .post("/admin/rules/validate").then().statusCode(200).body(containsString("nothing saved"));

        assertThat(rules.current().version()).isEqualTo(version);
    }
}
