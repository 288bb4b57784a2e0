package org.vigil.review;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vigil.classify.ClassificationWorker;
import org.vigil.directory.MpDirectory;
import org.vigil.security.Roles;
import org.vigil.support.Browser;
import org.vigil.support.Queue;
import org.vigil.support.StaffLogin;
import org.vigil.support.Webhooks;
import org.vigil.triage.TriageWorker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reviewers work the queue in a real browser: keyboard decisions, live updates, inert hostile text. */
@QuarkusTest
class ReviewPagesBrowserTest {

    private static final String HOSTILE = "<script>alert(1)</script> <img src=x onerror=alert(1)> " + Queue.THREAT;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ClassificationWorker classification;
    @Inject
    TriageWorker triage;
    @Inject
    MpDirectory directory;

    @Test
    void aReviewerClaimsRevealsAndConfirmsWithTheKeyboard() throws Exception {
        String reviewer = StaffLogin.account(Roles.REVIEWER);
        queueThreat("keys");
        try (Browser browser = Browser.start()) {
            browser.loginAs(reviewer, StaffLogin.PASSWORD).open("/review");
            browser.waitFor(By.id("next-item"));
            press(browser, "n");
            WebElement article = browser.waitFor(By.id("review-item"));
            String item = article.getAttribute("data-item");
            assertThat(article.getAttribute("data-mine")).isEqualTo("true");
            assertThat(browser.find(By.id("mention-text")).getAttribute("class")).contains("veiled");

            press(browser, "r");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d ->
                    !d.findElement(By.id("mention-text")).getAttribute("class").contains("veiled"));
            press(browser, "?");
            assertThat(browser.find(By.id("shortcuts")).isDisplayed()).isTrue();
            press(browser, "?");

            press(browser, "c");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !d.getCurrentUrl().contains(item));
            assertThat(column("SELECT state || ' ' || decided_by FROM review_item WHERE id = ?", UUID.fromString(item)))
                    .isEqualTo("CONFIRMED " + reviewer);
            assertThat(column("SELECT count(*)::text FROM review_action WHERE item_id = ? AND action = 'REVEAL'",
                    UUID.fromString(item))).isEqualTo("1");
        }
    }

    @Test
    void aNewItemAppearsInTheOpenQueueWithoutReloading() throws Exception {
        String reviewer = StaffLogin.account(Roles.REVIEWER);
        String handle = "@live_" + Webhooks.uniqueExternalId();
        long mp = Queue.newMp(directory, handle);
        try (Browser browser = Browser.start()) {
            browser.loginAs(reviewer, StaffLogin.PASSWORD).open("/review?state=OPEN&mp=" + mp);
            browser.waitFor(By.id("queue-rows"));
            Object marker = ((JavascriptExecutor) browser.driver())
                    .executeScript("window.vigilNotReloaded = true; return window.vigilNotReloaded;");
            assertThat(marker).isEqualTo(true);

            UUID item = Queue.itemsOf(dataSource,
                    Queue.deliverAndTriage(classification, triage, handle, Queue.THREAT, 1)).get(0);

            browser.waitFor(By.id("new-items"));
            browser.waitFor(By.cssSelector("a[href='/review/items/" + item + "']"));
            assertThat(((JavascriptExecutor) browser.driver())
                    .executeScript("return window.vigilNotReloaded === true;")).isEqualTo(true);
        }
    }

    @Test
    void hostileMarkupInTextAndNamesRendersAsText() throws Exception {
        String reviewer = StaffLogin.account(Roles.REVIEWER);
        String handle = "@hostile_" + Webhooks.uniqueExternalId();
        Queue.newMp(directory, handle);
        String body = """
                {"platform": "x", "externalId": "%s", "mpHandle": "%s",
                 "author": {"id": "hostile-1", "handle": "@x", "displayName": "<img src=x onerror=alert(2)>"},
                 "text": "%s", "url": "https://x.com/x/status/1",
                 "postedAt": "2026-11-28T10:00:00Z"}""".formatted(Webhooks.uniqueExternalId(), handle,
                HOSTILE.replace("\"", "\\\""));
        UUID mention = UUID.fromString(Webhooks.deliver(body).then().statusCode(202).extract().path("items[0].id"));
        classification.drain();
        triage.drain();
        UUID item = Queue.itemsOf(dataSource, List.of(mention)).get(0);

        try (Browser browser = Browser.start()) {
            browser.loginAs(reviewer, StaffLogin.PASSWORD).open("/review/items/" + item);
            browser.find(By.id("reveal")).click();
            browser.find(By.id("show-insults")).click();
            browser.waitForText(By.id("mention-text"), "<script>alert(1)</script>");
            assertThat(browser.driver().findElements(By.cssSelector("#review-item img"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("#review-item script"))).isEmpty();
            assertThat(browser.find(By.cssSelector(".mention dl")).getText()).contains("<img src=x onerror=alert(2)>");
            assertThatThrownBy(() -> browser.driver().switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
            for (WebElement link : browser.driver().findElements(By.cssSelector("#review-item a[href]"))) {
                assertThat(link.getAttribute("href")).startsWith("http");
            }
        }
    }

    private UUID queueThreat(String name) throws Exception {
        String handle = "@" + name + "_" + Webhooks.uniqueExternalId();
        Queue.newMp(directory, handle);
        return Queue.itemsOf(dataSource, Queue.deliverAndTriage(classification, triage, handle, Queue.THREAT, 1)).get(0);
    }

    private static void press(Browser browser, String key) {
        new Actions(browser.driver()).sendKeys(key).perform();
    }

    private String column(String sql, UUID id) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getString(1);
            }
        }
    }
}
