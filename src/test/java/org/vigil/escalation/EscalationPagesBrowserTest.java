package org.vigil.escalation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.vigil.audit.AuditLog;
import org.vigil.audit.AuditQuery;
import org.vigil.security.Roles;
import org.vigil.support.Browser;
import org.vigil.support.StaffLogin;
import org.vigil.triage.Priority;
import org.vigil.triage.rules.RuleService;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The rules page (validate, try, save) and the security unit's page (sent, dead letter, cases), in a real browser. */
@QuarkusTest
class EscalationPagesBrowserTest {

    @Inject
    Escalations escalations;

    @Inject
    OutboxRepository outbox;

    @Inject
    RuleService rules;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    private static void type(Browser browser, By field, String text) {
        WebElement element = browser.find(field);
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1];", element, text);
    }

    @Test
    void anAdminSeesAnInvalidEditRefusedTriesADraftAndSavesTheNextVersion() throws Exception {
        UUID recent = escalations.classifiedMention("Looking forward to the town hall debate next week");
        await().atMost(Duration.ofSeconds(20)).until(() -> "TRIAGED".equals(
                escalations.single("SELECT state FROM mention WHERE id = ?", recent)));
        int version = rules.current().version();
        ObjectNode file = (ObjectNode) json.readTree(rules.current().text());

        try (Browser browser = Browser.start()) {
            browser.loginAs(StaffLogin.account(Roles.ADMIN), StaffLogin.PASSWORD);
            browser.find(By.linkText("Rules")).click();
            assertThat(browser.find(By.id("rules-version")).getText()).startsWith("Version " + version);

            type(browser, By.id("rule-file"), """
                    {"version": "broken", "rules": [{"id": "pile-on", "when": {"pileOn": {"count": 0, "window": "PT1H"}}, "priority": "P2"}]}""");
            browser.find(By.id("validate-rules")).click();
            assertThat(browser.find(By.id("rules-problems")).getText())
                    .contains("rule 'pile-on': pileOn \"count\" must be a whole number");
            assertThat(browser.find(By.id("rule-file")).getAttribute("value")).contains("\"broken\"");

            ObjectNode draft = file.deepCopy();
            ((ArrayNode) draft.get("rules")).addObject().put("id", "trial-flagged-or-not")
                    .put("priority", "P1").put("escalate", true).putObject("when").putArray("anyOf")
                    .add(json.readTree("{\"flagged\": true}")).add(json.readTree("{\"nearMiss\": {\"margin\": 1.0}}"));
            type(browser, By.id("rule-file"), json.writeValueAsString(draft));
            browser.find(By.id("trial-days")).clear();
            browser.find(By.id("trial-days")).sendKeys("1");
            browser.find(By.id("try-rules")).click();
            assertThat(browser.find(By.id("trial-mentions")).getText()).startsWith("Triaged mentions looked at: ");
            WebElement added = browser.find(By.xpath("//table[@id='trial-rules']//tr[td[1]='trial-flagged-or-not']"));
            assertThat(Integer.parseInt(added.findElement(By.xpath("td[3]")).getText())).isPositive();
            assertThat(browser.find(By.id("trial-sample")).getText()).contains("trial-flagged-or-not");
            assertThat(rules.current().version()).isEqualTo(version);

            String label = "edited-in-browser-" + UUID.randomUUID();
            type(browser, By.id("rule-file"), json.writeValueAsString(file.put("version", label)));
            browser.find(By.id("save-rules")).click();
            assertThat(browser.find(By.id("rules-saved")).getText()).isEqualTo("Saved as version " + (version + 1) + ".");
            assertThat(browser.find(By.id("rules-history")).getText()).contains(label);
        }
        assertThat(rules.current().version()).isEqualTo(version + 1);
    }

    @Test
    void theSecurityUnitSeesWhatWasSentAndTakesACaseAndAnAdminSendsADeadLetterAgain() throws Exception {
        UUID caseId = escalations.raise(escalations.classifiedMention("We know your car, watch yourself"), Priority.P1);
        String alert = "SELECT %s FROM escalation_outbox WHERE case_id = ? AND recipient = 'duty@security.test'";
        await().atMost(Duration.ofSeconds(15)).until(() -> "SENT".equals(escalations.single(alert.formatted("state"), caseId)));
        String sent = escalations.single(alert.formatted("id"), caseId);
        String subject = escalations.single(alert.formatted("subject"), caseId);
        String unsendable = "<unsendable-page." + caseId + "@localhost>";
        QuarkusTransaction.requiringNew().call(() -> {
            outbox.add(new OutboxEmail(caseId, EmailKind.ALERT, new Recipient("no address at all", "en"), unsendable,
                    Optional.empty(), "subject", "text", "<p>html</p>"), Instant.now());
            return null;
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> "DEAD".equals(escalations.single(
                "SELECT state FROM escalation_outbox WHERE message_id = ?", unsendable)));
        String dead = escalations.single("SELECT id FROM escalation_outbox WHERE message_id = ?", unsendable);

        try (Browser browser = Browser.start()) {
            browser.loginAs(StaffLogin.account(Roles.SECURITY), StaffLogin.PASSWORD);
            browser.find(By.linkText("Escalations")).click();
            assertThat(browser.find(By.id("email-" + sent)).getText()).contains(subject).contains("duty@security.test");
            assertThat(browser.find(By.id("email-" + dead)).findElements(By.className("send-again"))).isEmpty();

            browser.find(By.cssSelector("#case-" + caseId + " .acknowledge")).click();
            browser.find(By.id("action-done"));
            assertThat(escalations.single("SELECT state FROM escalation_case WHERE id = ?", caseId)).isEqualTo("ACKNOWLEDGED");
        }
        try (Browser browser = Browser.start()) {
            browser.loginAs(StaffLogin.account(Roles.ADMIN), StaffLogin.PASSWORD);
            browser.open("/escalation");
            browser.find(By.cssSelector("#email-" + dead + " .send-again")).click();
            browser.find(By.id("action-done"));
        }
        assertThat(audit.search(new AuditQuery(Optional.of(StaffLogin.account(Roles.ADMIN)),
                Optional.of("escalation.email.resend"), Optional.of("escalation_outbox"), Optional.of(dead),
                Optional.empty(), Optional.empty(), Optional.empty(), 10)).events()).hasSize(1);
    }
}
