package org.vigil.admin;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.vigil.security.Roles;
import org.vigil.support.Browser;
import org.vigil.support.StaffLogin;
import org.vigil.support.Webhooks;
import org.vigil.webhook.WebhookSecret;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class AdminPagesBrowserTest {

    private static int deliver(String integration, String secret) {
        byte[] body = Webhooks.mention(Webhooks.uniqueExternalId(), "@JaneDoeMP", "hello").getBytes(StandardCharsets.UTF_8);
        return Webhooks.signed(WebhookSecret.parse(secret), "application/json", body)
                .post(Webhooks.MENTIONS, integration).statusCode();
    }

    @Test
    void anAdminRegistersAnMpWithAnAccount() {
        String handle = "mp" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.start()) {
            browser.loginAs(StaffLogin.account(Roles.ADMIN), StaffLogin.PASSWORD);
            browser.find(By.linkText("MPs")).click();
            browser.find(By.id("mp-name")).sendKeys("Grace <b>Hopper</b>");
            browser.find(By.id("mp-constituency")).sendKeys("Arlington");
            browser.find(By.id("mp-languages")).sendKeys("en, fr");
            new Select(browser.find(By.id("mp-platform"))).selectByValue("bluesky");
            browser.find(By.id("mp-handle")).sendKeys("@" + handle);
            browser.find(By.id("register-mp")).click();

            assertThat(browser.find(By.id("mp-title")).getText()).isEqualTo("Grace <b>Hopper</b>");
            assertThat(browser.find(By.id("accounts")).getText()).contains("bluesky: @" + handle);
            assertThat(browser.find(By.id("mp-languages")).getAttribute("value")).isEqualTo("en, fr");
        }
    }

    @Test
    void anAdminCreatesAnIntegrationAndRotatesItsSecretWithAGracePeriod() {
        String name = "press-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.start()) {
            browser.loginAs(StaffLogin.account(Roles.ADMIN), StaffLogin.PASSWORD);
            browser.find(By.linkText("Integrations")).click();
            browser.find(By.id("integration-name")).sendKeys(name);
            browser.find(By.cssSelector("#new-integration button")).click();
            String first = browser.find(By.id("secret")).getText();
            assertThat(first).startsWith("whsec_");

            browser.find(By.id("back")).click();
            browser.find(By.id("grace")).clear();
            browser.find(By.id("grace")).sendKeys("30");
            browser.find(By.id("rotate-secret")).click();
            String second = browser.find(By.id("secret")).getText();

            assertThat(second).startsWith("whsec_").isNotEqualTo(first);
            assertThat(deliver(name, first)).isEqualTo(202);
            assertThat(deliver(name, second)).isEqualTo(202);
            browser.find(By.id("back")).click();
            assertThat(browser.find(By.id("secrets")).getText()).contains("expires");
        }
    }
}
